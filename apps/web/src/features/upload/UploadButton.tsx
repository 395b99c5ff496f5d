import { useRef } from 'react';

/** Media people export for review; anything else is refused by the server with a reason. */
export const ACCEPTED_FILES = 'video/*,audio/*,image/*,.mxf,.mov,.mkv';

/** "Upload files": a button that opens the file picker, several files at once. */
export function UploadButton({
  onFiles,
  label = 'Upload files',
}: {
  onFiles: (files: File[]) => void;
  label?: string;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button button-primary" onClick={() => inputRef.current?.click()}>
        {label}
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        hidden
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
