/** Where the picture sits inside its element, in the element's pixels. */
export interface PictureRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The picture's rectangle inside a `<video>` box drawn with `object-fit: contain`: letterboxed
 * top and bottom or pillarboxed left and right, centred. Null until the picture's size is known.
 */
export function containedPictureRect(
  box: { width: number; height: number },
  picture: { width: number; height: number },
): PictureRect | null {
  if (box.width <= 0 || box.height <= 0 || picture.width <= 0 || picture.height <= 0) return null;
  const scale = Math.min(box.width / picture.width, box.height / picture.height);
  const width = picture.width * scale;
  const height = picture.height * scale;
  return { left: (box.width - width) / 2, top: (box.height - height) / 2, width, height };
}
