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
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <limits>

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
      m_retryTimer(new QTimer(this)),
      m_deadlineTimer(new QTimer(this)),
      m_rateTimer(new QTimer(this))
{
    if (!m_base.path().endsWith(u'/'))
        m_base.setPath(m_base.path() + u'/');
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &HttpSource::send);
    m_deadlineTimer->setSingleShot(true);
    m_deadlineTimer->setTimerType(Qt::PreciseTimer);
    connect(m_deadlineTimer, &QTimer::timeout, this, &HttpSource::onDeadline);
    m_rateTimer->setTimerType(Qt::PreciseTimer);
    connect(m_rateTimer, &QTimer::timeout, this, &HttpSource::onRateWindow);
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
    if (m_options.httpsOnly && url.scheme() != u"https"_s) {
        // Called from fetchManifest() or fetchObject(): answer from the event loop.
        QTimer::singleShot(0, this, [this] {
            fail(SourceFailure::Kind::Unavailable, u"plain http refused (https_only is set)"_s,
                 u"give this source as an https:// address, or set https_only = false"_s);
        });
        return;
    }
    send();
}

void HttpSource::send()
{
    ++m_attempt;
    ++m_requests;
    m_headersChecked = false;
    m_buffer.clear();
    m_errorBytes = 0;
    m_windowBytes = 0;
    QNetworkRequest request(m_url);
    request.setTransferTimeout(m_options.transferTimeoutMs);
    // Each hop is checked in onRedirected() before it is followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
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
    connect(m_reply, &QNetworkReply::redirected, this, &HttpSource::onRedirected);
    // An object may take, besides the deadline, the time its size needs at the minimum rate.
    qint64 deadline = m_options.requestDeadlineMs;
    if (m_kind == Kind::Object && m_options.minBytesPerSecond > 0)
        deadline += m_writer->remaining() * 1000 / m_options.minBytesPerSecond;
    deadline = std::min<qint64>(deadline, std::numeric_limits<int>::max());
    m_deadlineSeconds = int((deadline + 999) / 1000);
    m_deadlineTimer->start(int(deadline));
    if (m_options.minBytesPerSecond > 0 && m_options.rateWindowMs > 0)
        m_rateTimer->start(m_options.rateWindowMs);
}

QString HttpSource::statusPrefix() const
{
    const int status = m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    return status != 0 ? u"HTTP %1, "_s.arg(status) : QString();
}

void HttpSource::onDeadline()
{
    if (!m_reply)
        return;
    const QString reason = u"%1not complete after %2 s (the request deadline)"_s.arg(statusPrefix()).arg(m_deadlineSeconds);
    abortReply();
    retryOrFail(reason);
}

void HttpSource::onRateWindow()
{
    if (!m_reply)
        return;
    const qint64 needed = m_options.minBytesPerSecond * m_options.rateWindowMs / 1000;
    if (m_windowBytes >= needed) {
        m_windowBytes = 0;
        return;
    }
    const QString reason = u"%1sent slower than %2 bytes/s (%3 bytes in %4 s)"_s.arg(statusPrefix())
                               .arg(m_options.minBytesPerSecond)
                               .arg(m_windowBytes)
                               .arg(m_options.rateWindowMs / 1000.0);
    abortReply();
    retryOrFail(reason);
}

void HttpSource::onRedirected(const QUrl &target)
{
    if (!m_reply)
        return;
    const QUrl to = m_reply->url().resolved(target);
    const QString where = to.toDisplayString();
    if (to.scheme() != u"https"_s && (m_options.httpsOnly || m_reply->url().scheme() == u"https"_s)) {
        fail(SourceFailure::Kind::Unavailable, u"redirected to %1: plain http refused"_s.arg(where),
             u"publish the pack over https at that address"_s);
        return;
    }
    const int defaultPort = to.scheme() == u"https"_s ? 443 : 80;
    const bool sameHost = to.host() == m_base.host() && to.port(defaultPort) == m_base.port(defaultPort)
        && to.scheme() == m_base.scheme();
    const QString hostPort = u"%1:%2"_s.arg(to.host()).arg(to.port(defaultPort));
    if (!sameHost && !m_options.redirectHosts.contains(to.host()) && !m_options.redirectHosts.contains(hostPort)) {
        fail(SourceFailure::Kind::Unavailable, u"redirected to another host, %1: refused"_s.arg(where),
             u"give that address as the source, or list %1 in [sync] redirect_hosts"_s.arg(hostPort));
        return;
    }
    qCInfo(lcHttp).noquote() << m_url.toDisplayString() << "redirected to" << where;
    Q_EMIT m_reply->redirectAllowed();
}

void HttpSource::abortReply()
{
    m_deadlineTimer->stop();
    m_rateTimer->stop();
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
        // An error page: not ours to keep, and read only so far.
        const qint64 n = m_reply->skip(m_reply->bytesAvailable());
        m_errorBytes += std::max<qint64>(0, n);
        m_windowBytes += std::max<qint64>(0, n);
        if (m_errorBytes > kMaxErrorBody) {
            abortReply();
            judgeStatus(status, u"HTTP %1, error page cut at %2 bytes"_s.arg(status).arg(kMaxErrorBody));
        }
        return;
    }
    while (m_reply && m_reply->bytesAvailable() > 0) {
        if (m_kind == Kind::Object) {
            // Read one byte more than the object may still take, to notice endless data.
            const qint64 want = std::min<qint64>({m_reply->bytesAvailable(), kReadChunk, m_writer->remaining() + 1});
            const QByteArray chunk = m_reply->read(want);
            m_windowBytes += chunk.size();
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
            m_windowBytes += chunk.size();
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
    m_deadlineTimer->stop();
    m_rateTimer->stop();
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
    QString reason = status != 0 ? u"HTTP %1"_s.arg(status) : reply->errorString();
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
        reason = u"no data for %1 ms (timeout)"_s.arg(m_options.transferTimeoutMs);
    judgeStatus(status, reason);
}

void HttpSource::judgeStatus(int status, const QString &reason)
{
    if (status == 404 || status == 410) {
        fail(SourceFailure::Kind::Unavailable, u"not found on the server (HTTP %1)"_s.arg(status),
             u"the pack is not (completely) published there"_s);
        return;
    }
    if (status >= 300 && status < 400) {
        fail(SourceFailure::Kind::Unavailable, u"HTTP %1, a redirect that was not followed"_s.arg(status),
             u"give the address it leads to as the source"_s);
        return;
    }
    if (status >= 400 && status < 500 && status != 408 && status != 429) {
        fail(SourceFailure::Kind::Unavailable, u"refused by the server (HTTP %1)"_s.arg(status));
        return;
    }
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
