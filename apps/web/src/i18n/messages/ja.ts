import auditLog from '../audit-log/ja.json' with { type: 'json' };
import analytics from '../../features/analytics/messages/ja.json' with { type: 'json' };
import buyer from '../../features/buyer/messages/ja.json' with { type: 'json' };
import consoleMessages from '../../features/console/messages/ja.json' with { type: 'json' };
import onboarding from '../../features/onboarding/messages/ja.json' with { type: 'json' };
import qualify from '../../features/supplier-self-service/messages/ja.json' with { type: 'json' };
import inbox from '../../features/supplier-self-service/messages/inbox/ja.json' with { type: 'json' };
import trackRecords from '../track-records/ja.json' with { type: 'json' };
import core from '../locales/ja.json' with { type: 'json' };

/** Every message in this language (its own chunk: a page loads only its language's). */
export default { ...core, buyer, analytics, console: consoleMessages, qualify, trackRecords, onboarding, auditLog, inbox };
