#include "packsignature.h"

namespace passerelle::sync {

using namespace Qt::StringLiterals;

QByteArray packTrustedComment(const QString &packId, qint64 version)
{
    return "passerelle pack=" + packId.toUtf8() + " version=" + QByteArray::number(version);
}

Result<VerifiedManifest> verifySignedManifest(const QByteArray &manifestBytes, const QByteArray &signatureBytes,
                                              const QList<MinisignPublicKey> &trustedKeys, const QString &origin)
{
    const QString base = origin.endsWith(u'/') ? origin : origin + u'/';
    const QString manifestName = base + u"manifest.json"_s;
    const QString signatureName = base + u"manifest.json.minisig"_s;
    if (manifestBytes.size() > PackManifest::kMaxBytes)
        return Problem{manifestName, 0, u"larger than %1 bytes"_s.arg(PackManifest::kMaxBytes), {}};
    Result<MinisignSignature> signature = MinisignSignature::parse(signatureBytes, signatureName);
    if (!signature)
        return signature.problem();
    Result<MinisignPublicKey> key = minisignVerify(signature.value(), manifestBytes, trustedKeys, signatureName);
    if (!key)
        return key.problem();
    Result<PackManifest> manifest = PackManifest::parse(manifestBytes, manifestName);
    if (!manifest)
        return manifest.problem();
    const QByteArray expected = packTrustedComment(manifest->packId, manifest->version);
    if (signature->trustedComment != expected)
        return Problem{signatureName, 0,
                       u"the trusted comment \"%1\" does not name this manifest (expected \"%2\")"_s.arg(
                           QString::fromUtf8(signature->trustedComment), QString::fromUtf8(expected)),
                       u"a signature of another pack or version was put beside this manifest"_s};
    return VerifiedManifest{std::move(manifest.value()), std::move(key.value())};
}

Result<QByteArray> signManifest(const QByteArray &manifestBytes, const MinisignSecretKey &key)
{
    Result<PackManifest> manifest = PackManifest::parse(manifestBytes, u"manifest.json"_s);
    if (!manifest)
        return manifest.problem();
    Result<MinisignSignature> sig = minisignSign(key, manifestBytes, packTrustedComment(manifest->packId, manifest->version),
                                                 "passerelle pack signature, key " + key.publicKey().idText().toLatin1());
    if (!sig)
        return sig.problem();
    return sig->toFileText();
}

} // namespace passerelle::sync
