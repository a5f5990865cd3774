#include "minisign.h"

#include <QFile>

#include <sodium.h>

#include <cstring>

namespace passerelle::sync {

using namespace Qt::StringLiterals;

namespace {

constexpr char kUntrustedPrefix[] = "untrusted comment: ";
constexpr char kTrustedPrefix[] = "trusted comment: ";
constexpr qsizetype kMaxCommentBytes = 1024;
constexpr qsizetype kSignatureBlobBytes = 2 + 8 + 64;
constexpr qsizetype kPublicBlobBytes = 2 + 8 + 32;
constexpr qsizetype kSecretBlobBytes = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;
constexpr qsizetype kChecksumBytes = 32;

void ensureSodium()
{
    // Idempotent and thread-safe; needed before key generation (randomness).
    [[maybe_unused]] static const int initialized = sodium_init();
}

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

/** Strict base64 (the original alphabet, with padding, nothing ignored) of exactly `expected` bytes. */
bool decodeBase64(const QByteArray &text, qsizetype expected, QByteArray *out)
{
    QByteArray bin(expected + 1, Qt::Uninitialized);
    size_t length = 0;
    const char *end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char *>(bin.data()), size_t(bin.size()), text.constData(),
                          size_t(text.size()), nullptr, &length, &end, sodium_base64_VARIANT_ORIGINAL)
        != 0)
        return false;
    if (end != text.constData() + text.size() || qsizetype(length) != expected)
        return false;
    bin.truncate(expected);
    *out = bin;
    return true;
}

QByteArray encodeBase64(const QByteArray &bin)
{
    QByteArray text(qsizetype(sodium_base64_ENCODED_LEN(size_t(bin.size()), sodium_base64_VARIANT_ORIGINAL)),
                    Qt::Uninitialized);
    sodium_bin2base64(text.data(), size_t(text.size()), bytes(bin), size_t(bin.size()), sodium_base64_VARIANT_ORIGINAL);
    text.truncate(text.size() - 1); // the terminating NUL
    return text;
}

/** Lines of a small text file; "\r\n" ends a line too. Trailing empty lines are dropped. */
QList<QByteArray> lines(const QByteArray &text)
{
    QList<QByteArray> list = text.split('\n');
    for (QByteArray &line : list) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    while (!list.isEmpty() && list.last().isEmpty())
        list.removeLast();
    return list;
}

/** Comments are one line of text: no control characters but tab. */
bool isCommentText(const QByteArray &text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

QString idText(const QByteArray &keyId)
{
    // minisign prints the id as a little-endian 64-bit number.
    QByteArray reversed(keyId.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < keyId.size(); ++i)
        reversed[i] = keyId[keyId.size() - 1 - i];
    return QString::fromLatin1(reversed.toHex().toUpper());
}

Problem keyProblem(const QString &file, const QString &message)
{
    return Problem{file, 0, message, u"use a key file written by minisign -G or passerelle-pack keygen"_s};
}

} // namespace

// ---------------------------------------------------------------------------------------
// Public keys

Result<MinisignPublicKey> MinisignPublicKey::fromBase64(const QByteArray &line, const QString &origin)
{
    QByteArray blob;
    if (!decodeBase64(line.trimmed(), kPublicBlobBytes, &blob))
        return keyProblem(origin, u"not a minisign public key (expected 56 characters of base64)"_s);
    if (!blob.startsWith("Ed"))
        return keyProblem(origin, u"unsupported public key algorithm (minisign keys start with \"Ed\")"_s);
    MinisignPublicKey key;
    key.keyId = blob.mid(2, kIdBytes);
    key.key = blob.mid(2 + kIdBytes, kKeyBytes);
    return key;
}

Result<MinisignPublicKey> MinisignPublicKey::parse(const QByteArray &fileText, const QString &fileName)
{
    if (fileText.size() > 4096)
        return keyProblem(fileName, u"too large for a public key file"_s);
    const QList<QByteArray> list = lines(fileText);
    if (list.size() != 2 || !list[0].startsWith(kUntrustedPrefix))
        return keyProblem(fileName, u"a public key file has two lines: \"untrusted comment: ...\" and the key"_s);
    return fromBase64(list[1], fileName);
}

QString MinisignPublicKey::idText() const { return sync::idText(keyId); }

QByteArray MinisignPublicKey::toBase64() const { return encodeBase64("Ed" + keyId + key); }

QByteArray MinisignPublicKey::toFileText() const
{
    return kUntrustedPrefix + "minisign public key "_ba + idText().toLatin1() + '\n' + toBase64() + '\n';
}

// ---------------------------------------------------------------------------------------
// Secret keys

// Copies own their bytes, so that each can wipe its own on destruction.
MinisignSecretKey::MinisignSecretKey(const MinisignSecretKey &other)
    : m_keyId(other.m_keyId), m_secret(other.m_secret.constData(), other.m_secret.size())
{
}

MinisignSecretKey &MinisignSecretKey::operator=(const MinisignSecretKey &other)
{
    if (this != &other) {
        if (!m_secret.isEmpty())
            sodium_memzero(m_secret.data(), size_t(m_secret.size()));
        m_keyId = other.m_keyId;
        m_secret = QByteArray(other.m_secret.constData(), other.m_secret.size());
    }
    return *this;
}

MinisignSecretKey::~MinisignSecretKey()
{
    if (!m_secret.isEmpty())
        sodium_memzero(m_secret.data(), size_t(m_secret.size()));
}

MinisignSecretKey MinisignSecretKey::generate()
{
    ensureSodium();
    MinisignSecretKey key;
    key.m_keyId = QByteArray(MinisignPublicKey::kIdBytes, Qt::Uninitialized);
    randombytes_buf(key.m_keyId.data(), size_t(key.m_keyId.size()));
    QByteArray pk(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    key.m_secret = QByteArray(crypto_sign_SECRETKEYBYTES, Qt::Uninitialized);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(pk.data()), reinterpret_cast<unsigned char *>(key.m_secret.data()));
    return key;
}

namespace {
QByteArray secretChecksum(const QByteArray &keyId, const QByteArray &secret)
{
    const QByteArray input = "Ed" + keyId + secret;
    QByteArray chk(kChecksumBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(chk.data()), size_t(chk.size()), bytes(input),
                       quint64(input.size()), nullptr, 0);
    return chk;
}
} // namespace

Result<MinisignSecretKey> MinisignSecretKey::parse(const QByteArray &fileText, const QString &fileName)
{
    ensureSodium();
    if (fileText.size() > 4096)
        return keyProblem(fileName, u"too large for a secret key file"_s);
    const QList<QByteArray> list = lines(fileText);
    if (list.size() != 2 || !list[0].startsWith(kUntrustedPrefix))
        return keyProblem(fileName, u"a secret key file has two lines: \"untrusted comment: ...\" and the key"_s);
    QByteArray blob;
    if (!decodeBase64(list[1].trimmed(), kSecretBlobBytes, &blob))
        return keyProblem(fileName, u"not a minisign secret key"_s);
    if (!blob.startsWith("Ed"))
        return keyProblem(fileName, u"unsupported key algorithm"_s);
    const QByteArray kdf = blob.mid(2, 2);
    if (kdf == "Sc") {
        sodium_memzero(blob.data(), size_t(blob.size()));
        return Problem{fileName, 0, u"this secret key is protected by a password, which passerelle-pack does not ask for"_s,
                       u"sign with minisign itself (minisign -S -s KEY -m manifest.json -t \"passerelle pack=ID version=N\"), "
                       "or remove the password with minisign -C -W -s KEY on an offline machine"_s};
    }
    if (kdf != QByteArray(2, '\0'))
        return keyProblem(fileName, u"unsupported key derivation in the secret key"_s);
    if (blob.mid(4, 2) != "B2")
        return keyProblem(fileName, u"unsupported checksum in the secret key"_s);
    constexpr qsizetype keyOffset = 2 + 2 + 2 + 32 + 8 + 8;
    MinisignSecretKey key;
    key.m_keyId = blob.mid(keyOffset, MinisignPublicKey::kIdBytes);
    key.m_secret = blob.mid(keyOffset + 8, kSecretBytes);
    const QByteArray chk = blob.mid(keyOffset + 8 + kSecretBytes, kChecksumBytes);
    sodium_memzero(blob.data(), size_t(blob.size()));
    // minisign -G -W leaves the checksum zero; when present, it must match.
    if (chk != QByteArray(kChecksumBytes, '\0') && chk != secretChecksum(key.m_keyId, key.m_secret))
        return keyProblem(fileName, u"the secret key is damaged (its checksum does not match)"_s);
    // The second half of an Ed25519 secret key is the public key derived from the first.
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk, bytes(key.m_secret));
    const bool consistent = std::memcmp(sk, key.m_secret.constData(), sizeof sk) == 0;
    sodium_memzero(sk, sizeof sk);
    if (!consistent)
        return keyProblem(fileName, u"the secret key is damaged (its two halves do not match)"_s);
    return key;
}

MinisignPublicKey MinisignSecretKey::publicKey() const
{
    MinisignPublicKey pk;
    pk.keyId = m_keyId;
    pk.key = m_secret.mid(kSecretBytes - MinisignPublicKey::kKeyBytes);
    return pk;
}

QByteArray MinisignSecretKey::toFileText() const
{
    QByteArray blob = "Ed" + QByteArray(2, '\0') + "B2" + QByteArray(32 + 8 + 8, '\0') + m_keyId + m_secret
        + secretChecksum(m_keyId, m_secret);
    QByteArray text = kUntrustedPrefix + "passerelle secret key "_ba + sync::idText(m_keyId).toLatin1()
        + " (not encrypted: keep it offline)\n" + encodeBase64(blob) + '\n';
    sodium_memzero(blob.data(), size_t(blob.size()));
    return text;
}

QByteArray MinisignSecretKey::signDetached(const QByteArray &message) const
{
    QByteArray sig(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr, bytes(message), quint64(message.size()),
                         bytes(m_secret));
    return sig;
}

// ---------------------------------------------------------------------------------------
// Signatures

Result<MinisignSignature> MinisignSignature::parse(const QByteArray &fileText, const QString &fileName)
{
    auto fail = [&](const QString &message) {
        return Problem{fileName, 0, message, u"the signature is damaged or is not a minisign signature"_s};
    };
    if (fileText.size() > kMaxFileBytes)
        return fail(u"larger than %1 bytes"_s.arg(kMaxFileBytes));
    const QList<QByteArray> list = lines(fileText);
    if (list.size() != 4)
        return fail(u"a signature has four lines, this one has %1"_s.arg(list.size()));

    MinisignSignature sig;
    if (!list[0].startsWith(kUntrustedPrefix))
        return fail(u"the first line does not start with \"untrusted comment: \""_s);
    sig.untrustedComment = list[0].mid(qsizetype(sizeof kUntrustedPrefix) - 1);
    if (list[0].size() > kMaxCommentBytes || !isCommentText(sig.untrustedComment))
        return fail(u"the untrusted comment is too long or has control characters"_s);

    QByteArray blob;
    if (!decodeBase64(list[1], kSignatureBlobBytes, &blob))
        return fail(u"the second line is not a base64 signature of %1 bytes"_s.arg(kSignatureBlobBytes));
    if (blob.startsWith("ED"))
        sig.prehashed = true;
    else if (blob.startsWith("Ed"))
        sig.prehashed = false;
    else
        return fail(u"unsupported signature algorithm"_s);
    sig.keyId = blob.mid(2, MinisignPublicKey::kIdBytes);
    sig.signature = blob.mid(2 + MinisignPublicKey::kIdBytes);

    if (!list[2].startsWith(kTrustedPrefix))
        return fail(u"the third line does not start with \"trusted comment: \""_s);
    sig.trustedComment = list[2].mid(qsizetype(sizeof kTrustedPrefix) - 1);
    if (sig.trustedComment.size() > kMaxTrustedCommentBytes || !isCommentText(sig.trustedComment))
        return fail(u"the trusted comment is too long or has control characters"_s);

    if (!decodeBase64(list[3], crypto_sign_BYTES, &sig.globalSignature))
        return fail(u"the fourth line is not a base64 signature of %1 bytes"_s.arg(crypto_sign_BYTES));
    return sig;
}

QByteArray MinisignSignature::toFileText() const
{
    const QByteArray blob = (prehashed ? "ED"_ba : "Ed"_ba) + keyId + signature;
    return kUntrustedPrefix + untrustedComment + '\n' + encodeBase64(blob) + '\n' + kTrustedPrefix + trustedComment
        + '\n' + encodeBase64(globalSignature) + '\n';
}

QString MinisignSignature::keyIdText() const { return sync::idText(keyId); }

QByteArray blake2b512(const QByteArray &data)
{
    QByteArray digest(crypto_generichash_BYTES_MAX, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(digest.data()), size_t(digest.size()), bytes(data),
                       quint64(data.size()), nullptr, 0);
    return digest;
}

Result<MinisignSignature> minisignSign(const MinisignSecretKey &key, const QByteArray &data,
                                       const QByteArray &trustedComment, const QByteArray &untrustedComment)
{
    if (!isCommentText(trustedComment) || trustedComment.size() > MinisignSignature::kMaxTrustedCommentBytes)
        return Problem{{}, 0, u"the trusted comment must be one line of at most %1 bytes"_s.arg(
                                  MinisignSignature::kMaxTrustedCommentBytes), {}};
    if (!isCommentText(untrustedComment) || untrustedComment.size() > kMaxCommentBytes - 32)
        return Problem{{}, 0, u"the untrusted comment must be one short line"_s, {}};
    MinisignSignature sig;
    sig.prehashed = true;
    sig.keyId = key.keyId();
    sig.untrustedComment = untrustedComment;
    sig.trustedComment = trustedComment;
    sig.signature = key.signDetached(blake2b512(data));
    sig.globalSignature = key.signDetached(sig.signature + trustedComment);
    return sig;
}

Result<MinisignPublicKey> minisignVerify(const MinisignSignature &signature, const QByteArray &data,
                                         const QList<MinisignPublicKey> &trustedKeys, const QString &fileName)
{
    if (!signature.prehashed)
        return Problem{fileName, 0, u"legacy (not prehashed) minisign signature refused"_s,
                       u"sign again with minisign 0.10 or later, without -l, or with passerelle-pack sign"_s};
    const MinisignPublicKey *key = nullptr;
    QStringList known;
    for (const MinisignPublicKey &k : trustedKeys) {
        known.append(k.idText());
        if (k.keyId == signature.keyId)
            key = &k;
    }
    if (!key)
        return Problem{fileName, 0,
                       u"signed with key %1, which is not a trusted key (trusted: %2)"_s.arg(
                           signature.keyIdText(), known.isEmpty() ? u"none"_s : known.join(u", "_s)),
                       u"sign with a key listed in the kiosk configuration"_s};
    if (signature.signature.size() != crypto_sign_BYTES || signature.globalSignature.size() != crypto_sign_BYTES
        || key->key.size() != crypto_sign_PUBLICKEYBYTES)
        return Problem{fileName, 0, u"malformed signature or key"_s, {}};
    const QByteArray digest = blake2b512(data);
    if (crypto_sign_verify_detached(bytes(signature.signature), bytes(digest), quint64(digest.size()), bytes(key->key)) != 0)
        return Problem{fileName, 0, u"the signature does not match the signed file (key %1)"_s.arg(key->idText()),
                       u"the file or its signature was changed after signing"_s};
    const QByteArray global = signature.signature + signature.trustedComment;
    if (crypto_sign_verify_detached(bytes(signature.globalSignature), bytes(global), quint64(global.size()),
                                    bytes(key->key))
        != 0)
        return Problem{fileName, 0, u"the trusted comment's signature does not match (key %1)"_s.arg(key->idText()),
                       u"the trusted comment was edited after signing"_s};
    return *key;
}

Result<QList<MinisignPublicKey>> loadPublicKeys(const QStringList &files)
{
    QList<MinisignPublicKey> keys;
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Problem{file, 0, u"cannot read the public key: "_s + f.errorString(), {}};
        Result<MinisignPublicKey> key = MinisignPublicKey::parse(f.read(4097), file);
        if (!key)
            return key.problem();
        keys.append(key.value());
    }
    return keys;
}

} // namespace passerelle::sync
