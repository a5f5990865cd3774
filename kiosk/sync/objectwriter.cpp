#include "objectwriter.h"

#include <QFile>
#include <QLoggingCategory>

#include <cerrno>
#include <unistd.h>

namespace passerelle::sync {

using namespace Qt::StringLiterals;

ObjectWriter::ObjectWriter(const PackObject &object, QString tempPath, QString finalPath, QString objectsDir,
                           fs::FileDescriptor fd)
    : m_object(object),
      m_tempPath(std::move(tempPath)),
      m_finalPath(std::move(finalPath)),
      m_objectsDir(std::move(objectsDir)),
      m_fd(std::move(fd))
{
}

ObjectWriter::~ObjectWriter()
{
    if (!m_committed)
        discard();
}

void ObjectWriter::discard()
{
    m_fd.close();
    ::unlink(fs::encode(m_tempPath).constData());
}

std::optional<Problem> ObjectWriter::write(const char *data, qint64 size)
{
    if (size > remaining()) {
        return Problem{u"objects/"_s + m_object.sha256, 0,
                       u"more data than the %1 bytes the manifest declares for this object"_s.arg(m_object.size),
                       u"the source sends endless or wrong data; it was cut at the declared size"_s};
    }
    m_hash.update(data, size);
    while (size > 0) {
        const ssize_t n = ::write(m_fd.get(), data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            return Problem{m_tempPath, 0, u"cannot write object %1: %2"_s.arg(m_object.sha256, fs::errorText(err)),
                           err == ENOSPC || err == EDQUOT || err == EFBIG ? u"the disk is full: free space, then sync again"_s
                                                                          : u"check the disk"_s};
        }
        data += n;
        size -= n;
        m_written += n;
    }
    return std::nullopt;
}

std::optional<Problem> ObjectWriter::restart()
{
    if (::ftruncate(m_fd.get(), 0) != 0 || ::lseek(m_fd.get(), 0, SEEK_SET) != 0)
        return Problem{m_tempPath, 0, u"cannot truncate: "_s + fs::errorText(errno), {}};
    m_hash.reset();
    m_written = 0;
    return std::nullopt;
}

std::optional<Problem> ObjectWriter::commit()
{
    if (m_written != m_object.size)
        return Problem{u"objects/"_s + m_object.sha256, 0,
                       u"received %1 bytes, the manifest declares %2"_s.arg(m_written).arg(m_object.size),
                       u"the transfer was cut short"_s};
    const QString actual = m_hash.finishHex();
    if (actual != m_object.sha256)
        return Problem{u"objects/"_s + m_object.sha256, 0, u"the data received has SHA-256 %1, not the one the manifest names"_s.arg(actual),
                       u"the object was damaged or replaced at the source"_s};
    QString error;
    if (!fs::syncDescriptor(m_fd.get(), &error))
        return Problem{m_tempPath, 0, u"cannot sync object to disk: "_s + error, u"check the disk"_s};
    m_fd.close();
    if (::rename(fs::encode(m_tempPath).constData(), fs::encode(m_finalPath).constData()) != 0)
        return Problem{m_finalPath, 0, u"cannot move the object into the store: "_s + fs::errorText(errno), {}};
    m_committed = true;
    // objects/ is not fsynced here (3,285 folder fsyncs made a first start take ~20 s):
    // PackStore::stage() fsyncs it once, before the manifest that names these objects is
    // staged. Until then a power cut may lose the name; the object is then fetched again.
    return std::nullopt;
}

} // namespace passerelle::sync
