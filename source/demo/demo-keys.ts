/** API keys the demo server accepts. They are public on purpose: the demo guards nothing. */
export const DEMO_DIFY_API_KEY = 'app-ssedeck-demo';
export const DEMO_OPENAI_API_KEY = 'sk-ssedeck-demo';
