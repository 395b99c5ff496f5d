import type { NotificationLevel, Project } from '@cutroom/contracts';
import { describeError } from '../../lib/api-client';
import { FormStatus, SelectField } from '../../lib/form-controls';
import { useChooseNotifications, useNotificationSetting } from './invitation-queries';

const levelOptions: { value: NotificationLevel; label: string }[] = [
  { value: 'all', label: 'Everything' },
  { value: 'mentions', label: 'Mentions and replies only' },
  { value: 'none', label: 'Nothing' },
];

/** What this project tells me, in the bell and by e-mail alike. */
export function NotificationSettingsSection({ project }: { project: Project }) {
  const setting = useNotificationSetting(project.id);
  const choose = useChooseNotifications(project.id);
  return (
    <section className="panel" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Your notifications</h2>
      {setting.isError ? (
        <p className="form-alert" role="alert">
          {describeError(setting.error)}
        </p>
      ) : (
        <SelectField
          label="Tell me about"
          name="notificationLevel"
          value={choose.variables ?? setting.data?.level ?? 'all'}
          options={levelOptions}
          onChange={(level) => choose.mutate(level)}
          error={choose.isError ? describeError(choose.error) : undefined}
        />
      )}
      <p className="field-hint">
        Everything: new notes on cuts you uploaded or commented on, decisions and new versions, besides
        mentions and replies. E-mail (when set up) follows the same choice.
      </p>
      <FormStatus message={choose.isSuccess ? 'Saved.' : null} />
    </section>
  );
}
