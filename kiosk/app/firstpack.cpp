#include "firstpack.h"

#include "packmanifest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <unistd.h>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcFirstPack, "passerelle.firstpack")

namespace {

/** Copies a file under a temporary name in the target folder, then renames it into place. */
std::optional<Problem> copyInto(const QString &from, const QString &to)
{
    const QString temp = to + u".part"_s;
    QFile::remove(temp);
    if (!QFile::copy(from, temp))
        return Problem{to, 0, u"cannot copy %1 here"_s.arg(from), u"is the disk full?"_s};
    QFile::setPermissions(temp, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(to).constData()) != 0) {
        QFile::remove(temp);
        return Problem{to, 0, u"cannot rename %1 into place"_s.arg(temp), {}};
    }
    return std::nullopt;
}

} // namespace

std::optional<StorePack> activeStorePack(const QString &stateDirectory)
{
    const QDir state(stateDirectory);
    const QFileInfo current(state.filePath(u"current"_s));
    if (!current.exists() || !QFileInfo::exists(state.filePath(u"current/manifest.json"_s)))
        return std::nullopt;
    return StorePack{current.absoluteFilePath(), state.filePath(u"objects"_s)};
}

std::optional<Problem> installFirstPack(const QString &stateDirectory, const QString &packTree)
{
    if (activeStorePack(stateDirectory))
        return std::nullopt;
    const QDir tree(packTree);
    QFile manifestFile(tree.filePath(u"manifest.json"_s));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return Problem{manifestFile.fileName(), 0, u"the first pack is not there"_s,
                       u"reinstall the passerelle package, or set [storage] first_pack"_s};
    const QByteArray manifestBytes = manifestFile.readAll();
    Result<PackManifest> manifest = PackManifest::parse(manifestBytes, manifestFile.fileName());
    if (!manifest)
        return manifest.problem();

    const QDir state(stateDirectory);
    for (const QString &sub : {u"objects"_s, u"packs"_s})
        if (!state.mkpath(sub))
            return Problem{state.filePath(sub), 0, u"cannot create the folder"_s, u"check the owner of the state directory"_s};

    for (const PackObject &object : manifest->objects) {
        const QString target = state.filePath(u"objects/"_s + object.sha256);
        if (QFileInfo(target).size() == object.size)
            continue;
        if (auto problem = copyInto(tree.filePath(u"objects/"_s + object.sha256), target))
            return problem;
    }

    const QString version = QString::number(manifest->version);
    const QString packDir = state.filePath(u"packs/"_s + version);
    if (!QFileInfo::exists(packDir + u"/manifest.json"_s)) {
        const QString staging = state.filePath(u"packs/.first-"_s + version);
        QDir(staging).removeRecursively();
        if (!QDir().mkpath(staging))
            return Problem{staging, 0, u"cannot create the folder"_s, {}};
        for (const QString &name : {u"manifest.json"_s, u"manifest.json.minisig"_s}) {
            if (!QFileInfo::exists(tree.filePath(name)))
                continue;
            if (auto problem = copyInto(tree.filePath(name), QDir(staging).filePath(name)))
                return problem;
        }
        QDir(packDir).removeRecursively();
        if (::rename(QFile::encodeName(staging).constData(), QFile::encodeName(packDir).constData()) != 0)
            return Problem{packDir, 0, u"cannot rename %1 into place"_s.arg(staging), {}};
    }

    // `current` is a relative symlink, switched by renaming a new link over it.
    const QString link = state.filePath(u"current"_s);
    const QString newLink = state.filePath(u".current.new"_s);
    QFile::remove(newLink);
    if (::symlink(QFile::encodeName(u"packs/"_s + version).constData(), QFile::encodeName(newLink).constData()) != 0
        || ::rename(QFile::encodeName(newLink).constData(), QFile::encodeName(link).constData()) != 0)
        return Problem{link, 0, u"cannot point `current` at packs/%1"_s.arg(version), {}};
    qCInfo(lcFirstPack).noquote() << "installed the first pack" << manifest->packId << "version" << version
                                  << "from" << packTree << "into" << stateDirectory;
    return std::nullopt;
}

} // namespace passerelle
