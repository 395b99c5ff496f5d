import { containedPictureRect } from './picture-rect';

describe('where the picture sits in the player', () => {
  it('fills a box of its own shape', () => {
    expect(containedPictureRect({ width: 640, height: 360 }, { width: 1920, height: 1080 })).toEqual({
      left: 0,
      top: 0,
      width: 640,
      height: 360,
    });
  });

  it('is letterboxed in a taller box and pillarboxed in a wider one', () => {
    expect(containedPictureRect({ width: 800, height: 600 }, { width: 1600, height: 900 })).toEqual({
      left: 0,
      top: 75,
      width: 800,
      height: 450,
    });
    expect(containedPictureRect({ width: 1000, height: 360 }, { width: 640, height: 360 })).toEqual({
      left: 180,
      top: 0,
      width: 640,
      height: 360,
    });
  });

  it('is unknown before the picture has a size', () => {
    expect(containedPictureRect({ width: 640, height: 360 }, { width: 0, height: 0 })).toBeNull();
  });
});
