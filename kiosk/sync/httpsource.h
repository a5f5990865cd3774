#pragma once

#include "packsource.h"

#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace passerelle::sync {

/**
 * A published pack tree behind HTTP(S): base URL + manifest.json, manifest.json.minisig
 * and objects/<sha256>. Bounded in size and in time: a transfer timeout (no byte for that
 * long), an overall deadline per request and a minimum transfer rate, so a server that
 * trickles cannot hold a check; error pages are read up to kMaxErrorBody bytes. Redirects
 * are followed only on the same host (and port), or to a host listed in
 * Options::redirectHosts, never from https to http; httpsOnly refuses plain http. Retries
 * with exponential backoff and jitter on network errors, 5xx, 408 and 429 (not on 404);
 * an interrupted object resumes with a Range request; the manifest is asked with
 * If-None-Match so an unchanged one costs a 304.
 */
class HttpSource final : public PackSource
{
    Q_OBJECT
public:
    struct Options
    {
        /** No byte received for this long aborts the attempt. */
        int transferTimeoutMs = 30000;
        /** Attempts per request, the first included. */
        int maxAttempts = 5;
        /** Delay before the second attempt; doubled each time, with +-50 % jitter. */
        int retryBaseDelayMs = 1000;
        int retryMaxDelayMs = 60000;
        /**
         * Every request ends within this, headers and body; an object is given in
         * addition the time its declared size takes at minBytesPerSecond.
         */
        int requestDeadlineMs = 120000;
        /** Fewer bytes than this per second, averaged over rateWindowMs, abort the attempt; 0: no minimum. */
        qint64 minBytesPerSecond = 2048;
        int rateWindowMs = 30000;
        /** Refuse http:// (the base URL and redirects). */
        bool httpsOnly = false;
        /** Hosts ("host" or "host:port") redirects may lead to besides the base URL's own. */
        QStringList redirectHosts;
    };

    /** Bytes of an error page (HTTP 4xx/5xx) read before it is cut. */
    static constexpr qint64 kMaxErrorBody = 4096;

    HttpSource(const QUrl &baseUrl, Options options, QObject *parent = nullptr);
    ~HttpSource() override;

    [[nodiscard]] QString name() const override;
    void fetchManifest(ManifestCallback done) override;
    void fetchObject(ObjectWriter *writer, ObjectCallback done) override;
    void cancel() override;
    void manifestHandled() override;
    void forgetHandledManifest() override { m_etag.clear(); }

    /** The number of HTTP requests sent so far (for tests and benchmarks). */
    [[nodiscard]] int requestCount() const { return m_requests; }

private:
    enum class Kind { Manifest, Signature, Object };
    void begin(Kind kind, const QUrl &url, qint64 limit);
    void send();
    void onReadyRead();
    void onFinished();
    void onRedirected(const QUrl &target);
    void onDeadline();
    void onRateWindow();
    void judgeStatus(int status, const QString &networkError);
    [[nodiscard]] QString statusPrefix() const;
    void retryOrFail(const QString &reason);
    void fail(SourceFailure::Kind kind, const QString &message, const QString &hint = {});
    void succeed();
    void abortReply();
    [[nodiscard]] bool checkHeaders();

    QUrl m_base;
    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_deadlineTimer = nullptr;
    QTimer *m_rateTimer = nullptr;
    QPointer<QNetworkReply> m_reply;

    // The request under way.
    Kind m_kind = Kind::Manifest;
    QUrl m_url;
    qint64 m_limit = 0;
    int m_attempt = 0;
    bool m_headersChecked = false;
    QByteArray m_buffer;
    qint64 m_errorBytes = 0;  // of an error page
    qint64 m_windowBytes = 0; // since the rate window began
    int m_deadlineSeconds = 0;
    ObjectWriter *m_writer = nullptr;
    ManifestCallback m_manifestDone;
    ObjectCallback m_objectDone;
    FetchedManifest m_fetched;

    QByteArray m_etag;        // of the manifest last marked handled
    QByteArray m_pendingEtag; // of the manifest last fetched
    int m_requests = 0;
};

} // namespace passerelle::sync
