export { AppConfig, CONFIG_VARIABLES, ConfigError, loadConfig, type VariableDoc } from './app-config.js';
export { ConfigModule } from './config.module.js';
