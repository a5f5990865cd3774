#pragma once

#include <QObject>
#include <QStringList>

class QQuickItem;

namespace passerelle {

class ContentCatalog;
class Narrator;
class Navigator;
class Session;

/**
 * Speech mode (ACCESSIBILITY.md req. 19): for a visitor who cannot see the screen, every
 * item that gets the focus is said in the visitor's language: its label, its kind and its
 * place ("Housing, topic, 2 of 4"); a page's block is read; screens say their title. It is
 * turned on by the first key press or a long touch on "Listen", for this visitor only.
 *
 * What an item says comes from its QML properties: spokenFile (its label's audio; a
 * block's audio), spokenKind ("topic", "page", "paper", "language", "part", "button"),
 * checkable/checked for toggles. Where the keys and touches come from: AccessInput.
 */
class SpeechMode : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool active READ active NOTIFY activeChanged FINAL)
    /**
     * What the last utterance was made of, by ids that do not depend on the language: the
     * item's objectName or "title", then the words' ids ("topic", "place-2-of-4"). In
     * memory only, replaced at each utterance and cleared with the session; for tests.
     */
    Q_PROPERTY(QStringList said READ said NOTIFY saidChanged FINAL)

public:
    SpeechMode(Narrator *narrator, const ContentCatalog *content, const Session *session, const Navigator *navigator,
               QObject *parent = nullptr);

    [[nodiscard]] bool active() const { return m_active; }
    [[nodiscard]] QStringList said() const { return m_said; }

    /**
     * Turns speech mode on and says so; before a language is chosen (attract and language
     * screens) the notice waits for the first screen after the choice.
     */
    Q_INVOKABLE void turnOn();
    Q_INVOKABLE void turnOff();
    /** Off, for the next visitor. */
    void reset();

    /** Says what item is; a block is read (and can then be paused by activating it). */
    void describe(QQuickItem *item);
    /** Entering a screen: its title (when it has one), then what focus is on. */
    void announceScreen(QQuickItem *screen, QQuickItem *focus);
    /** Where the visitor is (the screen's title, the focused item) and which keys do what. */
    void help(QQuickItem *screen, QQuickItem *focus);
    /** Activating a block plays or pauses it; other items act themselves (see AccessInput). */
    void toggleReading(QQuickItem *block);

Q_SIGNALS:
    void activeChanged();
    void saidChanged();
    /** Turned on from QML (the Listen toggle): the input side puts the focus somewhere. */
    void turnedOn();

private:
    struct Part
    {
        QString id;
        QString file;
    };
    [[nodiscard]] QString word(const char *id) const;
    [[nodiscard]] QList<Part> itemParts(QQuickItem *item) const;
    [[nodiscard]] static QList<Part> titleParts(QQuickItem *screen);
    /** A screen's title (ScreenTitle, objectName "screenTitle"), as said. */
    [[nodiscard]] static Part titlePart(QQuickItem *title);
    void say(const QList<Part> &parts);
    /** Reads a block: its own audio through the narrator's reading (so it can be paused). */
    void read(QQuickItem *block);

    Narrator *m_narrator;
    const ContentCatalog *m_content;
    const Session *m_session;
    const Navigator *m_navigator;
    bool m_active = false;
    bool m_noticePending = false; // turned on before a language was chosen: said on the next screen
    QStringList m_said;
};

} // namespace passerelle
