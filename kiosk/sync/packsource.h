#pragma once

#include "problem.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace passerelle::sync {

class ObjectWriter;

/** Why a source could not deliver. */
struct SourceFailure
{
    enum class Kind {
        /** The network, the server or the USB stick failed; a later check may succeed. */
        Unavailable,
        /** The source delivered data that fails a check (too large, wrong hash, odd names). */
        Rejected,
        /** This kiosk could not store what arrived (disk full, I/O error). */
        Local,
    };
    Kind kind = Kind::Unavailable;
    Problem problem;
};

/** manifest.json and its signature as a source delivered them, not yet verified. */
struct FetchedManifest
{
    QByteArray manifest;
    QByteArray signature;
};

/** The answer to PackSource::fetchManifest(). */
struct ManifestFetch
{
    enum class Status { Fetched, Unchanged, Failed };
    Status status = Status::Failed;
    FetchedManifest fetched;  // when Fetched
    SourceFailure failure;    // when Failed
};

/**
 * Where packs come from: a published pack tree (manifest.json, manifest.json.minisig,
 * objects/<sha256>) behind HTTP or in a folder. A source only transports bytes, within
 * bounds; every check of what it delivers is the Syncer's. One request at a time;
 * callbacks are called from the event loop, never from inside the call that started them.
 */
class PackSource : public QObject
{
    Q_OBJECT
public:
    using ManifestCallback = std::function<void(ManifestFetch)>;
    using ObjectCallback = std::function<void(std::optional<SourceFailure>)>;

    explicit PackSource(QObject *parent = nullptr);
    ~PackSource() override;

    /** What the status file and logs call this source: a URL or a folder path. */
    [[nodiscard]] virtual QString name() const = 0;

    /**
     * Fetches manifest.json (at most PackManifest::kMaxBytes) and its signature (at most
     * MinisignSignature::kMaxFileBytes). Unchanged when the source knows the manifest is
     * the one last marked handled (HTTP ETag).
     */
    virtual void fetchManifest(ManifestCallback done) = 0;
    /**
     * Streams the object writer->object() into writer, which refuses anything past the
     * declared size. done(nullopt) once writer has received every byte; the caller
     * commits (hash check) afterwards.
     */
    virtual void fetchObject(ObjectWriter *writer, ObjectCallback done) = 0;
    /** Stops what is under way; its callback is not called. */
    virtual void cancel() = 0;
    /** The last fetched manifest was dealt with for good: fetchManifest may say Unchanged. */
    virtual void manifestHandled() {}
    /** Forget that: the next fetchManifest fetches (after a switch was rolled back, say). */
    virtual void forgetHandledManifest() {}

Q_SIGNALS:
    /** Bytes of objects received, for progress. */
    void bytesReceived(qint64 bytes);
};

} // namespace passerelle::sync
