#include "httpsource.h"

#include "minisign.h"
#include "objectwriter.h"
#include "packmanifest.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace passerelle::sync {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "passerelle.sync.http")

namespace {
constexpr qint64 kReadChunk = 256 * 1024;
constexpr qint64 kReplyBuffer = 1024 * 1024;
} // namespace

HttpSource::HttpSource(const QUrl &baseUrl, Options options, QObject *parent)
    : PackSource(parent),
      m_base(baseUrl),
      m_options(options),
      m_network(new QNetworkAccessManager(this)),
      m_retryTimer(new QTimer(this))
{
    if (!m_base.path().endsWith(u'/'))
        m_base.setPath(m_base.path() + u'/');
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &HttpSource::send);
}

HttpSource::~HttpSource() { cancel(); }

QString HttpSource::name() const { return m_base.toDisplayString(); }

void HttpSource::fetchManifest(ManifestCallback done)
{
    cancel();
    m_manifestDone = std::move(done);
    m_fetched = {};
    begin(Kind::Manifest, m_base.resolved(QUrl(u"manifest.json"_s)), PackManifest::kMaxBytes);
}

void HttpSource::fetchObject(ObjectWriter *writer, ObjectCallback done)
{
    cancel();
    m_writer = writer;
    m_objectDone = std::move(done);
    begin(Kind::Object, m_base.resolved(QUrl(u"objects/"_s + writer->object().sha256)), writer->object().size);
}

void HttpSource::manifestHandled()
{
    if (!m_pendingEtag.isEmpty())
        m_etag = m_pendingEtag;
}

void HttpSource::cancel()
{
    m_retryTimer->stop();
    abortReply();
    m_manifestDone = nullptr;
    m_objectDone = nullptr;
    m_writer = nullptr;
}

void HttpSource::begin(Kind kind, const QUrl &url, qint64 limit)
{
    m_kind = kind;
    m_url = url;
    m_limit = limit;
    m_attempt = 0;
    send();
}

void HttpSource::send()
{
    ++m_attempt;
    ++m_requests;
    m_headersChecked = false;
    m_buffer.clear();
    QNetworkRequest request(m_url);
    request.setTransferTimeout(m_options.transferTimeoutMs);
    // Our bytes are hashed as they arrive: no transparent decompression.
    request.setRawHeader("Accept-Encoding", "identity");
    request.setRawHeader("User-Agent", "passerelle-sync/" PASSERELLE_VERSION);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (m_kind == Kind::Manifest && !m_etag.isEmpty())
        request.setRawHeader("If-None-Match", m_etag);
    if (m_kind == Kind::Object && m_writer->written() > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_writer->written()) + '-');
        qCInfo(lcHttp).noquote() << "resuming" << m_url.toDisplayString() << "at byte" << m_writer->written();
    }
    m_reply = m_network->get(request);
    m_reply->setReadBufferSize(kReplyBuffer);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpSource::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpSource::onFinished);
}

void HttpSource::abortReply()
{
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

bool HttpSource::checkHeaders()
{
    m_headersChecked = true;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206)
        return true; // judged when the reply finishes
    const QVariant lengthHeader = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (m_kind != Kind::Object) {
        if (lengthHeader.isValid() && lengthHeader.toLongLong() > m_limit) {
            fail(SourceFailure::Kind::Rejected,
                 u"the server announces %1 bytes, more than the %2 allowed"_s.arg(lengthHeader.toLongLong()).arg(m_limit));
            return false;
        }
        return true;
    }
    const qint64 size = m_writer->object().size;
    if (status == 206) {
        static const QRegularExpression form(u"^bytes (\\d+)-(\\d+)/(\\d+|\\*)$"_s);
        const QRegularExpressionMatch match = form.match(QString::fromLatin1(m_reply->rawHeader("Content-Range")));
        const bool fits = match.hasMatch() && match.captured(1).toLongLong() == m_writer->written()
            && match.captured(2).toLongLong() == size - 1
            && (match.captured(3) == u"*" || match.captured(3).toLongLong() == size);
        if (!fits) {
            // Not the range asked for: start the object again from its first byte.
            if (auto problem = m_writer->restart()) {
                fail(SourceFailure::Kind::Local, problem->message);
                return false;
            }
            abortReply();
            retryOrFail(u"the server answered with another range than the one asked"_s);
            return false;
        }
    } else if (m_writer->written() > 0) {
        // The server ignored the Range request and sends the whole object again.
        if (auto problem = m_writer->restart()) {
            fail(SourceFailure::Kind::Local, problem->message);
            return false;
        }
    }
    if (lengthHeader.isValid() && lengthHeader.toLongLong() != m_writer->remaining()) {
        fail(SourceFailure::Kind::Rejected,
             u"the server announces %1 bytes where the manifest declares %2"_s.arg(lengthHeader.toLongLong())
                 .arg(m_writer->remaining()),
             u"the server's copy of this object is not the signed one"_s);
        return false;
    }
    return true;
}

void HttpSource::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_headersChecked && !checkHeaders())
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206) {
        m_reply->readAll(); // an error page: not ours to keep
        return;
    }
    while (m_reply && m_reply->bytesAvailable() > 0) {
        if (m_kind == Kind::Object) {
            // Read one byte more than the object may still take, to notice endless data.
            const qint64 want = std::min<qint64>({m_reply->bytesAvailable(), kReadChunk, m_writer->remaining() + 1});
            const QByteArray chunk = m_reply->read(want);
            if (chunk.size() > m_writer->remaining()) {
                fail(SourceFailure::Kind::Rejected,
                     u"the server sends more than the %1 bytes the manifest declares; cut there"_s.arg(m_writer->object().size),
                     u"the server's copy of this object is not the signed one"_s);
                return;
            }
            if (auto problem = m_writer->write(chunk.constData(), chunk.size())) {
                fail(SourceFailure::Kind::Local, problem->message, problem->hint);
                return;
            }
            Q_EMIT bytesReceived(chunk.size());
        } else {
            const QByteArray chunk = m_reply->read(std::min<qint64>(m_reply->bytesAvailable(), m_limit + 1 - m_buffer.size()));
            m_buffer += chunk;
            if (m_buffer.size() > m_limit) {
                fail(SourceFailure::Kind::Rejected, u"larger than the %1 bytes allowed"_s.arg(m_limit));
                return;
            }
        }
    }
}

void HttpSource::onFinished()
{
    if (!m_reply)
        return;
    onReadyRead(); // whatever is left in the buffer
    QNetworkReply *reply = m_reply;
    if (!reply)
        return; // judged while reading
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    if (m_kind == Kind::Manifest && status == 304) {
        auto done = std::move(m_manifestDone);
        m_manifestDone = nullptr;
        ManifestFetch result;
        result.status = ManifestFetch::Status::Unchanged;
        done(result);
        return;
    }
    if (error == QNetworkReply::NoError && (status == 200 || status == 206)) {
        switch (m_kind) {
        case Kind::Object:
            if (m_writer->remaining() == 0)
                succeed();
            else
                retryOrFail(u"the connection ended after %1 of %2 bytes"_s.arg(m_writer->written()).arg(m_writer->object().size));
            return;
        case Kind::Manifest:
            m_fetched.manifest = m_buffer;
            m_pendingEtag = reply->rawHeader("ETag");
            begin(Kind::Signature, m_base.resolved(QUrl(u"manifest.json.minisig"_s)), MinisignSignature::kMaxFileBytes);
            return;
        case Kind::Signature:
            m_fetched.signature = m_buffer;
            succeed();
            return;
        }
    }
    if (status == 404 || status == 410) {
        fail(SourceFailure::Kind::Unavailable, u"not found on the server (HTTP %1)"_s.arg(status),
             u"the pack is not (completely) published there"_s);
        return;
    }
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
        fail(SourceFailure::Kind::Unavailable, u"refused by the server (HTTP %1)"_s.arg(status));
        return;
    }
    QString reason = status != 0 ? u"HTTP %1"_s.arg(status) : reply->errorString();
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
        reason = u"no data for %1 ms (timeout)"_s.arg(m_options.transferTimeoutMs);
    retryOrFail(reason);
}

void HttpSource::retryOrFail(const QString &reason)
{
    if (m_attempt >= m_options.maxAttempts) {
        fail(SourceFailure::Kind::Unavailable, u"%1 (after %2 attempts)"_s.arg(reason).arg(m_attempt),
             u"check the network and the server; the next check tries again"_s);
        return;
    }
    const qint64 base = std::min<qint64>(m_options.retryMaxDelayMs, qint64(m_options.retryBaseDelayMs) << std::min(m_attempt - 1, 20));
    const int delay = int(double(base) * (0.5 + QRandomGenerator::global()->generateDouble()));
    qCInfo(lcHttp).noquote() << m_url.toDisplayString() << reason << "- attempt" << m_attempt << "of"
                             << m_options.maxAttempts << ", next in" << delay << "ms";
    m_retryTimer->start(delay);
}

void HttpSource::fail(SourceFailure::Kind kind, const QString &message, const QString &hint)
{
    abortReply();
    m_retryTimer->stop();
    SourceFailure failure{kind, Problem{m_url.toDisplayString(), 0, message, hint}};
    qCWarning(lcHttp).noquote() << failure.problem.toString();
    if (m_kind == Kind::Object) {
        auto done = std::move(m_objectDone);
        m_objectDone = nullptr;
        m_writer = nullptr;
        if (done)
            done(failure);
    } else {
        auto done = std::move(m_manifestDone);
        m_manifestDone = nullptr;
        ManifestFetch result;
        result.failure = failure;
        if (done)
            done(result);
    }
}

void HttpSource::succeed()
{
    if (m_kind == Kind::Object) {
        auto done = std::move(m_objectDone);
        m_objectDone = nullptr;
        m_writer = nullptr;
        if (done)
            done(std::nullopt);
    } else {
        auto done = std::move(m_manifestDone);
        m_manifestDone = nullptr;
        ManifestFetch result;
        result.status = ManifestFetch::Status::Fetched;
        result.fetched = m_fetched;
        if (done)
            done(result);
    }
}

} // namespace passerelle::sync
