import auditLog from '../audit-log/vi.json' with { type: 'json' };
import analytics from '../../features/analytics/messages/vi.json' with { type: 'json' };
import buyer from '../../features/buyer/messages/vi.json' with { type: 'json' };
import consoleMessages from '../../features/console/messages/vi.json' with { type: 'json' };
import onboarding from '../../features/onboarding/messages/vi.json' with { type: 'json' };
import qualify from '../../features/supplier-self-service/messages/vi.json' with { type: 'json' };
import inbox from '../../features/supplier-self-service/messages/inbox/vi.json' with { type: 'json' };
import trackRecords from '../track-records/vi.json' with { type: 'json' };
import core from '../locales/vi.json' with { type: 'json' };

/** Every message in this language (its own chunk: a page loads only its language's). */
export default { ...core, buyer, analytics, console: consoleMessages, qualify, trackRecords, onboarding, auditLog, inbox };
