#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace passerelle::sync {

/**
 * Streaming SHA-256 for verifying objects as they arrive. OpenSSL's libcrypto, not
 * libsodium: libsodium's portable SHA-256 measured 179 MB/s on the reference machine,
 * under the 300 MB/s target (SYNC.md benchmarks); libcrypto uses the CPU's SHA
 * extensions or AVX2 (about 1.7 GB/s there). Checked against libsodium in
 * tests/unit/sync/tst_sha256stream. Signatures stay with libsodium.
 */
class Sha256Stream
{
public:
    Sha256Stream();
    ~Sha256Stream();
    Sha256Stream(const Sha256Stream &) = delete;
    Sha256Stream &operator=(const Sha256Stream &) = delete;

    void reset();
    void update(const char *data, qint64 size);
    /** The lower-case hex digest; the stream must be reset() before further use. */
    [[nodiscard]] QString finishHex();

    /** The digest of a whole buffer. */
    [[nodiscard]] static QString hex(const QByteArray &data);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace passerelle::sync
