#include "speechmode.h"

#include "contentcatalog.h"
#include "narrator.h"
#include "navigator.h"
#include "session.h"
#include "speechwords.h"

#include <QJSValue>
#include <QQuickItem>

#include <algorithm>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

bool beforeLanguageChoice(const Navigator *navigator)
{
    const Route::Kind kind = navigator->current().kind();
    return kind == Route::Kind::Attract || kind == Route::Kind::Language;
}

/** The items beside item that are of its kind, in reading order (rows, then the line's direction). */
QList<QQuickItem *> sameKind(QQuickItem *item, bool rightToLeft)
{
    QList<QQuickItem *> out;
    QQuickItem *parent = item->parentItem();
    if (!parent)
        return {item};
    const QVariant kind = item->property("spokenKind");
    for (QQuickItem *child : parent->childItems()) {
        if (child->isVisible() && child->activeFocusOnTab() && child->property("spokenKind") == kind)
            out.append(child);
    }
    std::sort(out.begin(), out.end(), [rightToLeft](QQuickItem *a, QQuickItem *b) {
        if (qAbs(a->y() - b->y()) > 1)
            return a->y() < b->y();
        return rightToLeft ? a->x() > b->x() : a->x() < b->x();
    });
    return out;
}

} // namespace

SpeechMode::SpeechMode(Narrator *narrator, const ContentCatalog *content, const Session *session,
                       const Navigator *navigator, QObject *parent)
    : QObject(parent), m_narrator(narrator), m_content(content), m_session(session), m_navigator(navigator)
{
}

void SpeechMode::turnOn()
{
    if (m_active)
        return;
    m_active = true;
    Q_EMIT activeChanged();
    m_noticePending = beforeLanguageChoice(m_navigator);
    if (!m_noticePending)
        say({{QString::fromLatin1(speechwords::kSpeechOn.id), word(speechwords::kSpeechOn.id)}});
    Q_EMIT turnedOn();
}

void SpeechMode::turnOff()
{
    if (!m_active)
        return;
    m_active = false;
    m_noticePending = false;
    m_narrator->stop();
    Q_EMIT activeChanged();
}

void SpeechMode::reset()
{
    turnOff();
    if (!m_said.isEmpty()) {
        m_said.clear();
        Q_EMIT saidChanged();
    }
}

QString SpeechMode::word(const char *id) const
{
    return m_content->labelAudio(QString::fromLatin1(id), m_session->language());
}

QList<SpeechMode::Part> SpeechMode::itemParts(QQuickItem *item) const
{
    QList<Part> parts;
    if (!item)
        return parts;
    const QString kind = item->property("spokenKind").toString();
    // A block is read as it is (see read()); where it is, "part of the page, 2 of 7", is for help.
    if (kind == u"part") {
        parts.append({QString::fromLatin1(speechwords::kPart.id), word(speechwords::kPart.id)});
        const QString place = speechwords::placeId(item->property("index").toInt() + 1,
                                                   item->property("placeCount").toInt());
        if (!place.isEmpty())
            parts.append({place, m_content->labelAudio(place, m_session->language())});
        return parts;
    }
    parts.append({item->objectName(), item->property("spokenFile").toString()});
    // A language's name is said in that language, and nothing else: the visitor may not
    // understand the current one yet.
    if (kind == u"language")
        return parts;
    const char *kindWord = kind == u"topic" ? speechwords::kTopic.id
        : kind == u"page"  ? speechwords::kPage.id
        : kind == u"paper" ? speechwords::kPaper.id
        : speechwords::kButton.id;
    parts.append({QString::fromLatin1(kindWord), word(kindWord)});
    if (item->property("checkable").toBool()) {
        const char *state = item->property("checked").toBool() ? speechwords::kOn.id : speechwords::kOff.id;
        parts.append({QString::fromLatin1(state), word(state)});
    }
    if (kind != u"button" && !kind.isEmpty()) {
        const QList<QQuickItem *> row = sameKind(item, m_session->rightToLeft());
        const QString place = speechwords::placeId(int(row.indexOf(item)) + 1, int(row.size()));
        if (!place.isEmpty() && row.size() > 1)
            parts.append({place, m_content->labelAudio(place, m_session->language())});
    }
    return parts;
}

QList<SpeechMode::Part> SpeechMode::titleParts(QQuickItem *screen)
{
    auto *title = screen ? screen->findChild<QQuickItem *>(u"screenTitle"_s) : nullptr;
    if (!title || !title->isVisible())
        return {};
    return {titlePart(title)};
}

SpeechMode::Part SpeechMode::titlePart(QQuickItem *title)
{
    return {u"title"_s, title->property("speech").toString()};
}

void SpeechMode::say(const QList<Part> &parts)
{
    QStringList ids;
    QStringList files;
    for (const Part &p : parts) {
        ids.append(p.id);
        files.append(p.file);
    }
    m_said = ids;
    Q_EMIT saidChanged();
    m_narrator->say(files);
}

void SpeechMode::read(QQuickItem *block)
{
    m_said = {block->objectName()};
    Q_EMIT saidChanged();
    QVariant files = block->property("files");
    if (files.canConvert<QJSValue>())
        files = files.value<QJSValue>().toVariant();
    m_narrator->play(files.toStringList(), block->property("index").toInt(), true);
}

void SpeechMode::describe(QQuickItem *item)
{
    if (!m_active || !item)
        return;
    if (item->objectName() == u"screenTitle")
        say({titlePart(item)});
    else if (item->property("spokenKind").toString() == u"part")
        read(item);
    else
        say(itemParts(item));
}

void SpeechMode::announceScreen(QQuickItem *screen, QQuickItem *focus)
{
    if (!m_active)
        return;
    QList<Part> parts;
    if (m_noticePending && !beforeLanguageChoice(m_navigator)) {
        m_noticePending = false;
        parts.append({QString::fromLatin1(speechwords::kSpeechOn.id), word(speechwords::kSpeechOn.id)});
    }
    parts += titleParts(screen);
    // A block is read after the title, not said: the title is enough to begin with.
    if (focus && focus->property("spokenKind").toString() != u"part")
        parts += itemParts(focus);
    say(parts);
}

void SpeechMode::help(QQuickItem *screen, QQuickItem *focus)
{
    if (!m_active)
        return;
    QList<Part> parts = titleParts(screen) + itemParts(focus);
    parts.append({QString::fromLatin1(speechwords::kHelp.id), word(speechwords::kHelp.id)});
    say(parts);
}

void SpeechMode::toggleReading(QQuickItem *block)
{
    const bool thisOne = m_narrator->speaking() && m_narrator->currentIndex() == block->property("index").toInt();
    if (thisOne && m_narrator->paused())
        m_narrator->resume();
    else if (thisOne)
        m_narrator->pause();
    else
        read(block);
}

} // namespace passerelle
