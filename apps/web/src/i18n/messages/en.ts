import auditLog from '../audit-log/en.json' with { type: 'json' };
import analytics from '../../features/analytics/messages/en.json' with { type: 'json' };
import buyer from '../../features/buyer/messages/en.json' with { type: 'json' };
import consoleMessages from '../../features/console/messages/en.json' with { type: 'json' };
import onboarding from '../../features/onboarding/messages/en.json' with { type: 'json' };
import qualify from '../../features/supplier-self-service/messages/en.json' with { type: 'json' };
import inbox from '../../features/supplier-self-service/messages/inbox/en.json' with { type: 'json' };
import trackRecords from '../track-records/en.json' with { type: 'json' };
import core from '../locales/en.json' with { type: 'json' };

/** Every message in this language (its own chunk: a page loads only its language's). */
export default { ...core, buyer, analytics, console: consoleMessages, qualify, trackRecords, onboarding, auditLog, inbox };
