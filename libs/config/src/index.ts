export { AppConfig, CONFIG_VARIABLES, ConfigError, loadConfig, type VariableDoc } from './app-config.js';
export { ConfigModule } from './config.module.js';
export { meiliReplicaUrls } from './meili-urls.js';
