// passerelle-pack: the content editors' tool. See the README's "For content editors".
#include "commands.h"

#include <QCoreApplication>

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
        {u"build"_s, u"build CONTENT_DIR OUT_DIR        compile content into a pack (OUT_DIR is replaced only on success)"_s, runBuild},
        {u"check"_s, u"check CONTENT_DIR [--hashes]     list every problem with file:line; --hashes prints block hashes"_s, runCheck},
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
    QCoreApplication app(argc, argv);
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
