import {authSchema} from '../core/stream-spec.js';
import {profileFileSchema, profileStreamSchema} from './profile-schema.js';

const knownKeys = [
  ...Object.keys(profileFileSchema.shape),
  ...Object.keys(profileStreamSchema.shape),
  ...Object.keys(authSchema.shape),
];

function normalize(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known field an unknown key was probably meant to be ("timout" -> "timeout"). */
export function suggestKey(unknown: string): string | undefined {
  const wanted = normalize(unknown);
  let best: {key: string; distance: number} | undefined;
  for (const key of knownKeys) {
    const distance = editDistance(wanted, normalize(key));
    if (best === undefined || distance < best.distance) best = {key, distance};
  }
  if (best === undefined) return undefined;
  const tolerance = Math.max(1, Math.floor(wanted.length / 4));
  return best.distance <= tolerance ? best.key : undefined;
}
