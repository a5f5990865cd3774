#pragma once

// How a pack manifest is signed: a minisign signature of manifest.json whose trusted
// comment names the pack and its version, so a signature cannot be moved to another
// manifest (SYNC.md, "Format").

#include "minisign.h"
#include "packmanifest.h"

namespace passerelle::sync {

/** The trusted comment of a pack signature: "passerelle pack=<id> version=<n>". */
[[nodiscard]] QByteArray packTrustedComment(const QString &packId, qint64 version);

/** A manifest whose signature, trusted comment and contents have all been checked. */
struct VerifiedManifest
{
    PackManifest manifest;
    MinisignPublicKey signedBy;
};

/**
 * Step 1 of a sync: the signature is parsed and verified over the manifest's bytes
 * (legacy signatures and unknown keys refused), only then is the manifest parsed
 * (strictly), and the trusted comment must be exactly packTrustedComment() of it.
 * origin names where the bytes came from, for the problem.
 */
[[nodiscard]] Result<VerifiedManifest> verifySignedManifest(const QByteArray &manifestBytes,
                                                            const QByteArray &signatureBytes,
                                                            const QList<MinisignPublicKey> &trustedKeys,
                                                            const QString &origin);

/** The manifest.json.minisig text for manifestBytes (which must parse), signed with key. */
[[nodiscard]] Result<QByteArray> signManifest(const QByteArray &manifestBytes, const MinisignSecretKey &key);

} // namespace passerelle::sync
