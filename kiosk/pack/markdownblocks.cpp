#include "markdownblocks.h"

#include <md4c.h>

#include <QRegularExpression>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

struct Reference
{
    QString scheme; // picto, service, tel
    QString value;
    QString label;
    bool leading = false; // came before any text in its block
    int line = 0;
};

/** A block being collected from md4c callbacks. */
struct Pending
{
    QString kind;
    int number = 0;
    int line = 0;
    QString text;
    QList<Reference> references;
};

class Collector
{
public:
    Collector(const QByteArray &body, const QString &file, int firstLine, Problems &problems)
        : m_body(body), m_file(file), m_firstLine(firstLine), m_problems(problems)
    {
    }

    QList<BlockSource> blocks;

    int enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        switch (type) {
        case MD_BLOCK_DOC:
            break;
        case MD_BLOCK_P:
            if (m_listDepth == 0 && !m_inQuote)
                start(u"text"_s);
            else if (m_pending && !m_pending->text.isEmpty())
                m_pending->text += u'\n';
            break;
        case MD_BLOCK_H:
            if (m_listDepth > 0 || m_inQuote)
                return unsupported(u"a heading inside a list or quote"_s);
            start(u"heading"_s);
            break;
        case MD_BLOCK_QUOTE:
            if (m_listDepth > 0 || m_inQuote)
                return unsupported(u"a quote inside a list or another quote"_s);
            m_inQuote = true;
            start(u"warning"_s);
            break;
        case MD_BLOCK_OL:
        case MD_BLOCK_UL:
            if (m_listDepth > 0 || m_inQuote)
                return unsupported(u"a list inside a list or quote"_s);
            ++m_listDepth;
            m_ordered = type == MD_BLOCK_OL;
            m_itemNumber = type == MD_BLOCK_OL ? int(static_cast<MD_BLOCK_OL_DETAIL *>(detail)->start) - 1 : 0;
            break;
        case MD_BLOCK_LI:
            start(m_ordered ? u"step"_s : u"item"_s);
            m_pending->number = ++m_itemNumber;
            break;
        case MD_BLOCK_HR:
            break;
        case MD_BLOCK_CODE:
            return unsupported(u"a code block (a line indented by 4 spaces?)"_s);
        case MD_BLOCK_HTML:
            return unsupported(u"HTML"_s);
        default:
            return unsupported(u"a table"_s);
        }
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type)
    {
        switch (type) {
        case MD_BLOCK_P:
            if (m_listDepth == 0 && !m_inQuote)
                finish();
            break;
        case MD_BLOCK_H:
        case MD_BLOCK_LI:
            finish();
            break;
        case MD_BLOCK_QUOTE:
            finish();
            m_inQuote = false;
            break;
        case MD_BLOCK_OL:
        case MD_BLOCK_UL:
            --m_listDepth;
            break;
        default:
            break;
        }
        return 0;
    }

    int enterSpan(MD_SPANTYPE type, void *detail)
    {
        if (type == MD_SPAN_IMG || type == MD_SPAN_A) {
            const MD_ATTRIBUTE &target = type == MD_SPAN_IMG ? static_cast<MD_SPAN_IMG_DETAIL *>(detail)->src
                                                             : static_cast<MD_SPAN_A_DETAIL *>(detail)->href;
            const QString href = QString::fromUtf8(target.text, target.size);
            Reference ref;
            ref.line = lineOf(target.text);
            ref.leading = m_pending && m_pending->text.trimmed().isEmpty() && m_pending->references.isEmpty();
            const qsizetype colon = href.indexOf(u':');
            ref.scheme = colon > 0 ? href.left(colon) : QString();
            ref.value = colon > 0 ? href.mid(colon + 1) : href;
            const bool image = type == MD_SPAN_IMG;
            if (image && ref.scheme != u"picto") {
                error(ref.line, u"image \"%1\" is not a pictogram"_s.arg(href),
                      u"write pictograms as ![name](picto:NAME), with a file content/pictograms/NAME.svg"_s);
            } else if (!image && ref.scheme != u"service" && ref.scheme != u"tel") {
                error(ref.line, u"link \"%1\" cannot be followed at a kiosk"_s.arg(href),
                      u"use [label](service:ID) or [number](tel:NUMBER); write web addresses as plain text"_s);
            }
            m_span.append(ref);
            m_spanLabel.clear();
        }
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type)
    {
        if ((type == MD_SPAN_IMG || type == MD_SPAN_A) && !m_span.isEmpty()) {
            Reference ref = m_span.takeLast();
            ref.label = m_spanLabel.trimmed();
            if (m_pending) {
                m_pending->references.append(ref);
                // A link's label is part of the running text; an image's alt text is not.
                if (type == MD_SPAN_A)
                    m_pending->text += m_spanLabel;
            }
            m_spanLabel.clear();
        }
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR *data, MD_SIZE size)
    {
        if (!m_pending)
            return 0;
        if (m_pending->line == 0)
            m_pending->line = lineOf(data);
        QString piece;
        switch (type) {
        case MD_TEXT_SOFTBR:
        case MD_TEXT_BR:
            piece = u" "_s;
            break;
        case MD_TEXT_ENTITY:
            piece = decodeEntity(QString::fromUtf8(data, size));
            break;
        case MD_TEXT_HTML:
            error(lineOf(data), u"inline HTML is not allowed"_s, u"write plain text"_s);
            return 0;
        default:
            piece = QString::fromUtf8(data, size);
        }
        if (!m_span.isEmpty())
            m_spanLabel += piece;
        else
            m_pending->text += piece;
        return 0;
    }

private:
    void start(const QString &kind)
    {
        m_pending = Pending{};
        m_pending->kind = kind;
    }

    void finish()
    {
        if (!m_pending)
            return;
        Pending p = std::move(*m_pending);
        m_pending.reset();
        if (p.line == 0 && !p.references.isEmpty())
            p.line = p.references.first().line;

        BlockSource block;
        block.line = p.line;
        block.kind = p.kind;
        block.number = p.number;
        block.text = p.text.simplified();

        QList<Reference> refs = p.references;
        // A pictogram at the start of a step or item is that step's pictogram.
        if ((p.kind == u"step" || p.kind == u"item") && !refs.isEmpty() && refs.first().scheme == u"picto"
            && refs.first().leading) {
            block.pictogramLabel = refs.first().label;
            block.pictogram = refs.takeFirst().value;
        }
        if (p.kind == u"text" && refs.size() == 1 && refs.first().leading
            && block.text == (refs.first().scheme == u"picto" ? QString() : refs.first().label)) {
            const Reference &ref = refs.first();
            if (ref.scheme == u"picto") {
                block.kind = u"pictogram"_s;
                block.pictogram = ref.value;
                block.text = ref.label;
            } else if (ref.scheme == u"service") {
                block.kind = u"service"_s;
                block.target = ref.value;
            } else if (ref.scheme == u"tel") {
                block.kind = u"phone"_s;
                block.target = ref.value;
            }
            refs.clear();
        }
        for (const Reference &ref : std::as_const(refs)) {
            if (ref.scheme == u"picto")
                error(ref.line, u"pictogram \"%1\" is inside running text"_s.arg(ref.value),
                      u"put a pictogram on its own line, or at the very start of a numbered step"_s);
            else if (ref.scheme == u"service")
                error(ref.line, u"service link \"%1\" is inside running text"_s.arg(ref.value),
                      u"put [label](service:ID) on its own line: it becomes a service card"_s);
        }
        if (block.kind == u"step" && block.pictogram.isEmpty())
            error(block.line, u"step %1 has no pictogram"_s.arg(block.number),
                  u"start the step with ![name](picto:NAME)"_s);
        if (block.text.isEmpty() && block.kind != u"pictogram")
            error(block.line, u"empty %1 block"_s.arg(block.kind), u"write some text or remove it"_s);
        blocks.append(block);
    }

    int unsupported(const QString &what)
    {
        error(m_lastLine, u"%1 is not a kind of block a kiosk page has"_s.arg(what),
              u"see the block table in content/FORMAT.md"_s);
        return 0;
    }

    void error(int line, const QString &message, const QString &hint)
    {
        m_problems.append(Problem{m_file, line, message, hint});
    }

    int lineOf(const MD_CHAR *data)
    {
        const char *begin = m_body.constData();
        if (data < begin || data > begin + m_body.size())
            return m_lastLine;
        m_lastLine = m_firstLine + int(std::count(begin, data, '\n'));
        return m_lastLine;
    }

    static QString decodeEntity(const QString &entity)
    {
        static const QHash<QString, QString> named{{u"&amp;"_s, u"&"_s}, {u"&lt;"_s, u"<"_s},
                                                    {u"&gt;"_s, u">"_s}, {u"&quot;"_s, u"\""_s},
                                                    {u"&nbsp;"_s, QString(QChar(0xa0))}};
        if (named.contains(entity))
            return named.value(entity);
        static const QRegularExpression numeric(u"^&#([xX]?)([0-9a-fA-F]+);$"_s);
        const auto m = numeric.match(entity);
        if (m.hasMatch()) {
            bool ok = false;
            const uint code = m.captured(2).toUInt(&ok, m.captured(1).isEmpty() ? 10 : 16);
            if (ok && code > 0 && code < 0x110000) {
                const char32_t c = code;
                return QString::fromUcs4(&c, 1);
            }
        }
        return entity;
    }

    const QByteArray &m_body;
    QString m_file;
    int m_firstLine;
    Problems &m_problems;
    std::optional<Pending> m_pending;
    QList<Reference> m_span;
    QString m_spanLabel;
    int m_listDepth = 0;
    bool m_ordered = false;
    int m_itemNumber = 0;
    bool m_inQuote = false;
    int m_lastLine = 0;
};

} // namespace

QList<BlockSource> parseMarkdownBlocks(const QByteArray &body, const QString &file, int firstLine,
                                       Problems &problems)
{
    Collector collector(body, file, firstLine, problems);
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_NOHTML;
    parser.enter_block = [](MD_BLOCKTYPE t, void *d, void *u) { return static_cast<Collector *>(u)->enterBlock(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void *, void *u) { return static_cast<Collector *>(u)->leaveBlock(t); };
    parser.enter_span = [](MD_SPANTYPE t, void *d, void *u) { return static_cast<Collector *>(u)->enterSpan(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void *, void *u) { return static_cast<Collector *>(u)->leaveSpan(t); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u) {
        return static_cast<Collector *>(u)->text(t, s, n);
    };
    md_parse(body.constData(), MD_SIZE(body.size()), &parser, &collector);
    return collector.blocks;
}

} // namespace passerelle::content
