import { Upload, type UploadProps } from 'antd';

/**
 * A button (its children) that picks a file, or several with `multiple`, and hands each to
 * `onFile`: antd uploads nothing itself and lists nothing.
 */
export function FilePicker({
  onFile,
  ...props
}: { onFile: (file: File) => void } & Pick<UploadProps, 'accept' | 'multiple' | 'disabled' | 'children'>) {
  return (
    <Upload
      showUploadList={false}
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
      {...props}
    />
  );
}
