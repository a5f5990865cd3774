#pragma once

// The minisign formats (https://jedisct1.github.io/minisign/), read and written with
// libsodium: public keys, unencrypted secret keys, and prehashed ("ED") signatures.
//
//   public key   "untrusted comment: ..." then base64("Ed" | key id (8) | Ed25519 key (32))
//   secret key   "untrusted comment: ..." then base64("Ed" | kdf (2) | "B2" | salt (32) |
//                opslimit (8) | memlimit (8) | key id (8) | secret key (64) | checksum (32))
//   signature    "untrusted comment: ..." then base64("ED" | key id (8) | sig (64)) where
//                sig signs BLAKE2b-512(file), then "trusted comment: TEXT", then
//                base64(global sig), which signs sig | TEXT.
//
// Legacy signatures ("Ed", over the file itself) are parsed so they can be named in
// errors, and always refused by verify().

#include "problem.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace passerelle::sync {

/** A minisign public key: the id that signatures name, and the Ed25519 key. */
struct MinisignPublicKey
{
    static constexpr qsizetype kIdBytes = 8;
    static constexpr qsizetype kKeyBytes = 32;

    QByteArray keyId; // 8 bytes
    QByteArray key;   // 32 bytes

    /** A .pub file: an "untrusted comment:" line, then the base64 key line. */
    static Result<MinisignPublicKey> parse(const QByteArray &fileText, const QString &fileName);
    /** The base64 line alone, as `minisign -P` takes it. */
    static Result<MinisignPublicKey> fromBase64(const QByteArray &line, const QString &origin);

    /** The key id as minisign prints it: 16 upper-case hex digits. */
    [[nodiscard]] QString idText() const;
    [[nodiscard]] QByteArray toBase64() const;
    /** A .pub file that `minisign -V -p` reads. */
    [[nodiscard]] QByteArray toFileText() const;

    friend bool operator==(const MinisignPublicKey &, const MinisignPublicKey &) = default;
};

/** An unencrypted minisign secret key (as `minisign -G -W` writes). Wiped on destruction. */
class MinisignSecretKey
{
public:
    static constexpr qsizetype kSecretBytes = 64;

    /** A new random key pair. */
    static MinisignSecretKey generate();
    /** A secret key file; password-protected keys are refused with a hint. */
    static Result<MinisignSecretKey> parse(const QByteArray &fileText, const QString &fileName);

    MinisignSecretKey(const MinisignSecretKey &other);
    MinisignSecretKey &operator=(const MinisignSecretKey &other);
    ~MinisignSecretKey();

    [[nodiscard]] const QByteArray &keyId() const { return m_keyId; }
    [[nodiscard]] MinisignPublicKey publicKey() const;
    /** A secret key file `minisign -S -s` reads without a password. */
    [[nodiscard]] QByteArray toFileText() const;

    /** Ed25519 signature of message with this key. */
    [[nodiscard]] QByteArray signDetached(const QByteArray &message) const;

private:
    MinisignSecretKey() = default;
    QByteArray m_keyId;
    QByteArray m_secret; // 64 bytes: seed | public key, as libsodium keeps it
};

/** A .minisig file, parsed; verify() says whether it is good. */
struct MinisignSignature
{
    /** Larger signature files are refused before parsing. */
    static constexpr qsizetype kMaxFileBytes = 16 * 1024;
    static constexpr qsizetype kMaxTrustedCommentBytes = 8192;

    bool prehashed = true; // "ED"; false for a legacy "Ed" signature
    QByteArray keyId;          // 8 bytes
    QByteArray signature;      // 64 bytes
    QByteArray untrustedComment;
    QByteArray trustedComment; // the text after "trusted comment: ", as signed
    QByteArray globalSignature; // 64 bytes

    /** Strict: four lines in order, exact base64 lengths, no control characters in comments. */
    static Result<MinisignSignature> parse(const QByteArray &fileText, const QString &fileName);
    [[nodiscard]] QByteArray toFileText() const;
    [[nodiscard]] QString keyIdText() const;
};

/** BLAKE2b-512 of data, the message a prehashed signature signs. */
[[nodiscard]] QByteArray blake2b512(const QByteArray &data);

/**
 * Signs data the way `minisign -S` does (prehashed), with the given trusted comment
 * (one line, at most kMaxTrustedCommentBytes) and untrusted comment.
 */
[[nodiscard]] Result<MinisignSignature> minisignSign(const MinisignSecretKey &key, const QByteArray &data,
                                                     const QByteArray &trustedComment,
                                                     const QByteArray &untrustedComment);

/**
 * Verifies a signature of data against a list of trusted keys, chosen by key id (so keys
 * can be rotated: list the old and the new one during the change). Refuses legacy
 * signatures, unknown key ids, a bad file signature and a bad trusted-comment signature.
 * On success returns the key that signed.
 */
[[nodiscard]] Result<MinisignPublicKey> minisignVerify(const MinisignSignature &signature, const QByteArray &data,
                                                       const QList<MinisignPublicKey> &trustedKeys,
                                                       const QString &fileName);

/** Loads every public key file given; the first problem stops. */
[[nodiscard]] Result<QList<MinisignPublicKey>> loadPublicKeys(const QStringList &files);

} // namespace passerelle::sync
