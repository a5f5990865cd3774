#pragma once

#include "fsutil.h"
#include "packsource.h"

#include <QPointer>

class QTimer;

namespace passerelle::sync {

/**
 * A published pack tree in a folder, typically on a USB stick. Before anything is read
 * the whole tree is checked: the folder holds only manifest.json, manifest.json.minisig
 * and objects/, objects/ holds only files named by 64 hex digits, and nothing anywhere is
 * a symlink, a device, a FIFO or a socket (hidden regular files, such as the ._ files
 * macOS leaves on sticks, are ignored). Files are opened without following symlinks and
 * read in chunks from the event loop, never past the declared size.
 */
class FolderSource final : public PackSource
{
    Q_OBJECT
public:
    explicit FolderSource(QString folder, QObject *parent = nullptr);
    ~FolderSource() override;

    [[nodiscard]] QString name() const override { return m_folder; }
    [[nodiscard]] QString folder() const { return m_folder; }
    void fetchManifest(ManifestCallback done) override;
    void fetchObject(ObjectWriter *writer, ObjectCallback done) override;
    void cancel() override;

    /** The checks above, on their own: nullopt when the tree is acceptable. */
    [[nodiscard]] static std::optional<Problem> checkTree(const QString &folder);

private:
    void pump();
    void finishObject(std::optional<SourceFailure> failure);

    QString m_folder;
    QTimer *m_pump = nullptr;
    ManifestCallback m_manifestDone;
    ObjectCallback m_objectDone;
    ObjectWriter *m_writer = nullptr;
    fs::FileDescriptor m_file;
    quint64 m_generation = 0; // bumped by cancel(), so a queued answer knows it is stale
};

} // namespace passerelle::sync
