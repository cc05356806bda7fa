import {readFileSync} from 'node:fs';
import {rootCertificates, type ConnectionOptions} from 'node:tls';

/**
 * TLS settings of a stream (`insecure`, `caFile`) and the connect options they
 * become. A caFile that cannot be used is a TlsConfigError: a problem with
 * what the user asked for (the CLI reports it as a usage error, exit 2),
 * never retried.
 */
export class TlsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlsConfigError';
  }
}

export type TlsSettings = {
  readonly insecure: boolean;
  readonly caFile?: string | undefined;
};

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates of a PEM file; throws a TlsConfigError naming the file. */
export function readCaFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : 'cannot read it';
    throw new TlsConfigError(`CA file ${JSON.stringify(path)}: ${why}`);
  }
  const certificates = text.match(PEM_CERTIFICATE);
  if (!certificates) {
    throw new TlsConfigError(
      `CA file ${JSON.stringify(path)}: no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)`,
    );
  }
  return certificates;
}

/** Throws a TlsConfigError when the settings cannot be used (an unreadable caFile). */
export function checkTlsSettings(settings: TlsSettings): void {
  if (settings.caFile !== undefined) readCaFile(settings.caFile);
}

/** Connect options for undici: extra CAs on top of the system roots, or no verification at all. */
export function tlsConnectOptions(settings: TlsSettings): ConnectionOptions {
  const options: ConnectionOptions = {};
  if (settings.caFile !== undefined) {
    options.ca = [...rootCertificates, ...readCaFile(settings.caFile)];
  }
  if (settings.insecure) options.rejectUnauthorized = false;
  return options;
}

export function tlsKey(settings: TlsSettings | undefined): string {
  return JSON.stringify([settings?.insecure ?? false, settings?.caFile ?? null]);
}
