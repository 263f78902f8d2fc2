import { fileURLToPath } from 'node:url';
import { projectConfig } from '../../vitest.shared';

export default projectConfig(fileURLToPath(new URL('.', import.meta.url)), { passWithNoTests: true });
