#include "sha256stream.h"

#include <openssl/evp.h>

#include <cstdlib>

namespace passerelle::sync {

struct Sha256Stream::Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

namespace {
[[noreturn]] void broken()
{
    // Only on allocation failure or a libcrypto without SHA-256: nothing sensible to do.
    std::abort();
}
} // namespace

Sha256Stream::Sha256Stream() : m_context(std::make_unique<Context>())
{
    if (!m_context->ctx)
        broken();
    reset();
}

Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::reset()
{
    if (EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr) != 1)
        broken();
}

void Sha256Stream::update(const char *data, qint64 size)
{
    if (size > 0 && EVP_DigestUpdate(m_context->ctx, data, size_t(size)) != 1)
        broken();
}

QString Sha256Stream::finishHex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_context->ctx, digest, &length) != 1 || length != 32)
        broken();
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

QString Sha256Stream::hex(const QByteArray &data)
{
    Sha256Stream stream;
    stream.update(data.constData(), data.size());
    return stream.finishHex();
}

} // namespace passerelle::sync
