// passerelle-pack: the content editors' tool. See the README's "For content editors".
#include "commands.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <unistd.h>

#include <functional>

using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace passerelle::content {
QTextStream &errorStream()
{
    static QTextStream stream(stderr);
    return stream;
}
} // namespace passerelle::content

namespace {

struct Command
{
    QString name;
    QString usage;
    std::function<int(const QStringList &)> run;
};

const QList<Command> &commands()
{
    static const QList<Command> list{
        {u"build"_s, u"build CONTENT_DIR OUT_DIR [--no-audio] [--audio-cache DIR] [--jobs N]\n"
                     "                                   compile content into a pack (OUT_DIR is replaced only on success);\n"
                     "                                   speech is synthesized for texts without a recording and cached\n"
                     "                                   (default cache: .cache/passerelle-audio beside OUT_DIR)"_s, runBuild},
        {u"check"_s, u"check CONTENT_DIR [--hashes]     list every problem with file:line; --hashes prints block hashes"_s, runCheck},
        {u"export"_s, u"export --lang L CONTENT_DIR OUT.xlf|OUT.po\n"
                      "                                   the French texts and their L translations for a translator\n"
                      "                                   (XLIFF 2.0, or PO when OUT ends in .po)"_s, runExport},
        {u"import"_s, u"import CONTENT_DIR FILE          write the translations of an XLIFF 2.0 or PO file into content"_s, runImport},
        {u"report"_s, u"report CONTENT_DIR OUT.html [--audio-cache DIR]\n"
                      "                                   a web page: text, review and audio state per page and language,\n"
                      "                                   audio minutes and loudness per language (from the build's cache,\n"
                      "                                   default .cache/passerelle-audio beside CONTENT_DIR)"_s, runReport},
        {u"script"_s, u"script --lang L CONTENT_DIR OUT.html [--all]\n"
                      "                                   a page to record L from: the texts without a recording (or made\n"
                      "                                   from an older French), each with its code; --all lists every text"_s, runScript},
        {u"import-audio"_s, u"import-audio --lang L CONTENT_DIR DIR\n"
                            "                                   the recordings in DIR, named by code (S5-3.m4a, UI-home.wav: WAV, FLAC,\n"
                            "                                   MP3, M4A, Ogg...), trimmed, levelled and saved as content/audio/L/...;\n"
                            "                                   a table of what each file became; a refused file changes nothing"_s, runImportAudio},
        {u"keygen"_s, u"keygen PUBLIC_KEY SECRET_KEY [--force]   make a minisign key pair (secret key not encrypted: keep it offline)"_s, runKeygen},
        {u"sign"_s, u"sign PACK_DIR SECRET_KEY         write PACK_DIR/manifest.json.minisig (trusted comment: pack id and version)"_s, runSign},
        {u"verify"_s, u"verify PACK_DIR PUBLIC_KEY...    check the signature, every object and the database as a kiosk would"_s, runVerify},
        {u"publish"_s, u"publish PACK_DIR DEST_DIR --key PUBLIC_KEY [--prune]   copy a signed pack into a served tree, manifest last"_s, runPublish},
        {u"export-web"_s, u"export-web PACK_DIR OUT_DIR [--today YYYY-MM-DD]   write the pack's web copy (static HTML)"_s, runExportWeb},
    };
    return list;
}

int usage()
{
    errorStream() << "usage:\n";
    for (const Command &c : commands())
        errorStream() << "  passerelle-pack " << c.usage << '\n';
    errorStream().flush();
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    // A GUI application for Qt's font database (the check for characters no font draws),
    // on the offscreen platform: passerelle-pack needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Outside a desktop session (CI, ssh) Qt warns about a missing runtime folder on every
    // run; give it the private folder it would pick itself, without the warning.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray runtime = QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(getuid());
        if (QDir().mkpath(QString::fromLocal8Bit(runtime))
            && QFile::setPermissions(QString::fromLocal8Bit(runtime), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", runtime);
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"passerelle-pack"_s);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty())
        return usage();
    for (const Command &c : commands()) {
        if (c.name == args.first()) {
            const int code = c.run(args.mid(1));
            return code == 2 ? usage() : code;
        }
    }
    return usage();
}
