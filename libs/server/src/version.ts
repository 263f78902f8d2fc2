/** The calltrail version, as in package.json. */
export const CALLTRAIL_VERSION = '0.1.0';
