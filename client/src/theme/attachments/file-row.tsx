/** An uploaded file: its name and size, and a button to remove it named after the file. */
import { formatBytes } from '../../../../shared/form-view/format.ts';
import { useLanguage } from '../../language.tsx';
import { useAttachmentInfo } from './attachments-context.tsx';

interface FileRowProps {
  id?: string;
  attachmentId: string;
  disabled?: boolean;
  onRemove(name: string): void;
}

export function FileRow({ id, attachmentId, disabled, onRemove }: FileRowProps) {
  const { t, lang } = useLanguage();
  const info = useAttachmentInfo(attachmentId);
  const name = info?.fileName ?? t.attachmentUnknownFile;
  return (
    <li id={id} className="file">
      <span className="file__name">{name}</span>
      {info && <span className="file__size"> {t.fileSize(formatBytes(info.size, lang))}</span>}
      <button type="button" className="button button--secondary button--small" disabled={disabled} onClick={() => onRemove(name)}>
        {t.attachmentRemove(name)}
      </button>
    </li>
  );
}
