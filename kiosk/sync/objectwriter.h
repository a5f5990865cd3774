#pragma once

#include "fsutil.h"
#include "packmanifest.h"
#include "problem.h"
#include "sha256stream.h"

#include <QString>

#include <optional>

namespace passerelle::sync {

/**
 * Receives the bytes of one object into a temporary file of the store, hashing as they
 * come. Refuses a byte beyond the declared size (endless data). commit() checks size and
 * SHA-256, fsyncs the file and renames it into objects/; a writer destroyed without
 * commit removes its temporary file. Made by PackStore::createObjectWriter().
 *
 * The rename is not made durable here: objects/ is fsynced once for all the objects of a
 * pack, by PackStore::stage() before it stages the manifest that names them.
 */
class ObjectWriter
{
public:
    ObjectWriter(const PackObject &object, QString tempPath, QString finalPath, QString objectsDir,
                 fs::FileDescriptor fd);
    ObjectWriter(const ObjectWriter &) = delete;
    ObjectWriter &operator=(const ObjectWriter &) = delete;
    ~ObjectWriter();

    [[nodiscard]] const PackObject &object() const { return m_object; }
    [[nodiscard]] qint64 written() const { return m_written; }
    [[nodiscard]] qint64 remaining() const { return m_object.size - m_written; }

    /**
     * Appends bytes. Returns a problem (and writes nothing) if they would go past the
     * declared size, or if the disk refuses them (full, failing).
     */
    [[nodiscard]] std::optional<Problem> write(const char *data, qint64 size);
    /** Starts again from zero (a server that ignored a Range request). */
    [[nodiscard]] std::optional<Problem> restart();
    /** Verifies, syncs and moves the object into the store. */
    [[nodiscard]] std::optional<Problem> commit();

private:
    void discard();

    PackObject m_object;
    QString m_tempPath;
    QString m_finalPath;
    QString m_objectsDir;
    fs::FileDescriptor m_fd;
    Sha256Stream m_hash;
    qint64 m_written = 0;
    bool m_committed = false;
};

} // namespace passerelle::sync
