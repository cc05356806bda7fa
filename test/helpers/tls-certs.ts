import {generate} from 'selfsigned';

/** PEM certificates made at test time (no openssl binary): a CA and leaves for 127.0.0.1. */
export type Pem = {readonly cert: string; readonly key: string};

const day = 24 * 60 * 60 * 1000;
const ipSan = {name: 'subjectAltName' as const, altNames: [{type: 7 as const, ip: '127.0.0.1'}]};

export async function selfSignedFor127(): Promise<Pem> {
  const pems = await generate([{name: 'commonName', value: '127.0.0.1'}], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [ipSan],
  });
  return {cert: pems.cert, key: pems.private};
}

export async function certificateAuthority(): Promise<Pem> {
  const pems = await generate([{name: 'commonName', value: 'ssedeck test CA'}], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      {name: 'basicConstraints', cA: true, critical: true},
      {name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true},
    ],
  });
  return {cert: pems.cert, key: pems.private};
}

/** A leaf signed by `ca`, for 127.0.0.1 unless `dnsName` names another host; `expired` dates it in the past. */
export async function leafSignedBy(
  ca: Pem,
  options: {dnsName?: string; expired?: boolean} = {},
): Promise<Pem> {
  const now = Date.now();
  const san = options.dnsName
    ? {name: 'subjectAltName' as const, altNames: [{type: 2 as const, value: options.dnsName}]}
    : ipSan;
  const pems = await generate([{name: 'commonName', value: options.dnsName ?? '127.0.0.1'}], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: {key: ca.key, cert: ca.cert},
    extensions: [
      {name: 'basicConstraints', cA: false},
      {name: 'keyUsage', digitalSignature: true, keyEncipherment: true},
      {name: 'extKeyUsage', serverAuth: true},
      san,
    ],
    ...(options.expired
      ? {notBeforeDate: new Date(now - 30 * day), notAfterDate: new Date(now - day)}
      : {}),
  });
  return {cert: pems.cert, key: pems.private};
}
