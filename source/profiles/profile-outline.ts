import type {AuthType} from '../core/stream-spec.js';
import type {AnswerPreset} from '../core/answer/answer-preset.js';
import {parseProfileText, profileFormat} from './parse-document.js';
import {redactQueryValue, redactUrl} from './redact-url.js';
import type {MergedStream} from './validate-profile.js';
import {validateProfileData} from './validate-profile.js';

/** A stream as the file writes it (no interpolation), for listings. Secrets are masked. */
export type StreamOutline = {
  readonly name: string;
  readonly method: string;
  /** URL with its query, `${VAR}` references as written, secrets redacted. */
  readonly url: string;
  readonly auth: AuthType;
  readonly answer?: AnswerPreset;
};

export type ProfileOutline = {
  readonly name: string;
  readonly description?: string;
  readonly streams: readonly StreamOutline[];
};

function outlineUrl(stream: MergedStream): string {
  const query = Object.entries(stream.query ?? {})
    .map(([name, value]) => `${name}=${redactQueryValue(name, value)}`)
    .join('&');
  const separator = stream.url.includes('?') ? '&' : '?';
  return redactUrl(query === '' ? stream.url : `${stream.url}${separator}${query}`);
}

function outlineStream(stream: MergedStream): StreamOutline {
  return {
    name: stream.name,
    method: (stream.method ?? 'GET').toUpperCase(),
    url: outlineUrl(stream),
    auth: stream.auth?.type ?? 'none',
    ...(stream.answer === undefined ? {} : {answer: stream.answer}),
  };
}

/** The outline of a profile text, or undefined when it is not even structurally valid. */
export function outlineProfile(file: string, text: string): ProfileOutline | undefined {
  const parsed = parseProfileText(text, profileFormat(file));
  if (!parsed.ok) return undefined;
  const validated = validateProfileData(parsed.data);
  if (!validated.ok) return undefined;
  const {profile} = validated;
  return {
    name: profile.name,
    ...(profile.description === undefined ? {} : {description: profile.description}),
    streams: validated.streams.map(outlineStream),
  };
}
