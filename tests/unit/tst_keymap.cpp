// The key map: every default key from the main keyboard and from the number pad in both
// NumLock states, the exchange of Left/Right in right-to-left languages, keys that must
// not act (digits that type, Ctrl/Alt combinations), and rebinding.
#include "keymap.h"

#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Qt::KeyboardModifiers)

namespace {

constexpr Qt::KeyboardModifiers kNone = Qt::NoModifier;
constexpr Qt::KeyboardModifiers kPad = Qt::KeypadModifier;
constexpr Qt::KeyboardModifiers kShift = Qt::ShiftModifier;
constexpr Qt::KeyboardModifiers kCtrl = Qt::ControlModifier;
constexpr Qt::KeyboardModifiers kAlt = Qt::AltModifier;

QString actionOf(const KeyMap &map, int key, Qt::KeyboardModifiers modifiers, bool rtl = false)
{
    return KeyMap::nameOf(map.action(key, modifiers, rtl));
}

} // namespace

class TestKeyMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
        QTest::addColumn<bool>("rtl");
        QTest::addColumn<QString>("expected");

        auto row = [](const char *name, int key, Qt::KeyboardModifiers mods, bool rtl, const char *action) {
            QTest::newRow(name) << key << mods << rtl << QString::fromLatin1(action);
        };

        // The main keyboard.
        row("Up", Qt::Key_Up, kNone, false, "previous");
        row("Left", Qt::Key_Left, kNone, false, "previous");
        row("Shift+Tab as Backtab", Qt::Key_Backtab, kShift, false, "previous");
        row("Backtab without Shift", Qt::Key_Backtab, kNone, false, "previous");
        row("Shift+Tab as Tab", Qt::Key_Tab, kShift, false, "previous");
        row("Down", Qt::Key_Down, kNone, false, "next");
        row("Right", Qt::Key_Right, kNone, false, "next");
        row("Tab", Qt::Key_Tab, kNone, false, "next");
        row("Return", Qt::Key_Return, kNone, false, "activate");
        row("Enter", Qt::Key_Enter, kNone, false, "activate");
        row("Space", Qt::Key_Space, kNone, false, "activate");
        row("Escape", Qt::Key_Escape, kNone, false, "back");
        row("Backspace", Qt::Key_Backspace, kNone, false, "back");
        row("F1", Qt::Key_F1, kNone, false, "help");
        row("? with Shift", Qt::Key_Question, kShift, false, "help");
        row("? without Shift", Qt::Key_Question, kNone, false, "help");
        row("Home", Qt::Key_Home, kNone, false, "home");
        row("+ with Shift", Qt::Key_Plus, kShift, false, "volume-up");
        row("+ without Shift", Qt::Key_Plus, kNone, false, "volume-up");
        row("-", Qt::Key_Minus, kNone, false, "volume-down");

        // The number pad with NumLock on: digits with KeypadModifier.
        row("pad 8", Qt::Key_8, kPad, false, "previous");
        row("pad 4", Qt::Key_4, kPad, false, "previous");
        row("pad 2", Qt::Key_2, kPad, false, "next");
        row("pad 6", Qt::Key_6, kPad, false, "next");
        row("pad 5", Qt::Key_5, kPad, false, "activate");
        row("pad Enter", Qt::Key_Enter, kPad, false, "activate");
        row("pad 0", Qt::Key_0, kPad, false, "back");
        row("pad .", Qt::Key_Period, kPad, false, "help");
        row("pad , (decimal comma layouts)", Qt::Key_Comma, kPad, false, "help");
        row("pad /", Qt::Key_Slash, kPad, false, "home");
        row("pad +", Qt::Key_Plus, kPad, false, "volume-up");
        row("pad -", Qt::Key_Minus, kPad, false, "volume-down");
        row("pad 7", Qt::Key_7, kPad, false, "none");
        row("pad 9", Qt::Key_9, kPad, false, "none");
        row("pad *", Qt::Key_Asterisk, kPad, false, "none");

        // The number pad with NumLock off: the same keys send arrows, Clear, Insert, Delete.
        row("pad 8 NumLock off", Qt::Key_Up, kPad, false, "previous");
        row("pad 4 NumLock off", Qt::Key_Left, kPad, false, "previous");
        row("pad 2 NumLock off", Qt::Key_Down, kPad, false, "next");
        row("pad 6 NumLock off", Qt::Key_Right, kPad, false, "next");
        row("pad 5 NumLock off", Qt::Key_Clear, kPad, false, "activate");
        row("pad 0 NumLock off", Qt::Key_Insert, kPad, false, "back");
        row("pad . NumLock off", Qt::Key_Delete, kPad, false, "help");
        // The pad's 7 sends Home with NumLock off: it is the pad's 7, not "home".
        row("pad 7 NumLock off", Qt::Key_Home, kPad, false, "none");
        row("pad 1 NumLock off", Qt::Key_End, kPad, false, "none");
        row("pad 9 NumLock off", Qt::Key_PageUp, kPad, false, "none");

        // Right to left: Left and Right are exchanged, on the keyboard and on the pad.
        row("rtl Left", Qt::Key_Left, kNone, true, "next");
        row("rtl Right", Qt::Key_Right, kNone, true, "previous");
        row("rtl pad 4", Qt::Key_4, kPad, true, "next");
        row("rtl pad 6", Qt::Key_6, kPad, true, "previous");
        row("rtl pad 4 NumLock off", Qt::Key_Left, kPad, true, "next");
        row("rtl pad 6 NumLock off", Qt::Key_Right, kPad, true, "previous");
        // ... but not Up/Down, Tab/Shift+Tab, the pad's 8/2.
        row("rtl Up", Qt::Key_Up, kNone, true, "previous");
        row("rtl Down", Qt::Key_Down, kNone, true, "next");
        row("rtl Tab", Qt::Key_Tab, kNone, true, "next");
        row("rtl Backtab", Qt::Key_Backtab, kShift, true, "previous");
        row("rtl pad 8", Qt::Key_8, kPad, true, "previous");
        row("rtl pad 2 NumLock off", Qt::Key_Down, kPad, true, "next");
        row("rtl Return", Qt::Key_Return, kNone, true, "activate");

        // Digits of the main keyboard type; they never act (also with Shift, as on AZERTY).
        static const char *const digitRows[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
        for (int d = 0; d <= 9; ++d) {
            QTest::addRow("plain digit %s", digitRows[d]) << int(Qt::Key_0 + d) << kNone << false << u"none"_s;
            QTest::addRow("Shift+digit %s", digitRows[d]) << int(Qt::Key_0 + d) << kShift << false << u"none"_s;
        }
        // Ctrl, Alt and Meta always count.
        row("Ctrl+Backspace", Qt::Key_Backspace, kCtrl, false, "none");
        row("Ctrl+Alt+Backspace", Qt::Key_Backspace, kCtrl | kAlt, false, "none");
        row("Alt+Left", Qt::Key_Left, kAlt, false, "none");
        row("Ctrl+Tab", Qt::Key_Tab, kCtrl, false, "none");
        row("Ctrl++", Qt::Key_Plus, kCtrl | kShift, false, "none");
        row("Alt+F1", Qt::Key_F1, kAlt, false, "none");
        row("Meta+Up", Qt::Key_Up, Qt::MetaModifier, false, "none");
        row("Ctrl+pad 5", Qt::Key_5, kCtrl | kPad, false, "none");
        // Shift counts on keys that do not type a character.
        row("Shift+Up", Qt::Key_Up, kShift, false, "none");
        row("Shift+Escape", Qt::Key_Escape, kShift, false, "none");
        // Keys outside the map.
        row("A", Qt::Key_A, kNone, false, "none");
        row("Shift alone", Qt::Key_Shift, kShift, false, "none");
        row("Delete of the keyboard", Qt::Key_Delete, kNone, false, "none");
        row("Insert of the keyboard", Qt::Key_Insert, kNone, false, "none");
        row(". of the keyboard", Qt::Key_Period, kNone, false, "none");
        row("/ of the keyboard", Qt::Key_Slash, kNone, false, "none");
    }

    void defaults()
    {
        QFETCH(int, key);
        QFETCH(Qt::KeyboardModifiers, modifiers);
        QFETCH(bool, rtl);
        QFETCH(QString, expected);
        QCOMPARE(actionOf(KeyMap::defaults(), key, modifiers, rtl), expected);
    }

    // The defaults as the [keys] section writes them (deploy/passerelle.conf and the README).
    void defaultsText()
    {
        const KeyMap map = KeyMap::defaults();
        QCOMPARE(map.keysText(KeyAction::Previous), u"Up, Left, Shift+Tab, Num+8, Num+4"_s);
        QCOMPARE(map.keysText(KeyAction::Next), u"Down, Right, Tab, Num+2, Num+6"_s);
        QCOMPARE(map.keysText(KeyAction::Activate), u"Return, Enter, Space, Num+5"_s);
        QCOMPARE(map.keysText(KeyAction::Back), u"Esc, Backspace, Num+0"_s);
        QCOMPARE(map.keysText(KeyAction::Help), u"F1, ?, Num+."_s);
        QCOMPARE(map.keysText(KeyAction::Home), u"Home, Num+/"_s);
        QCOMPARE(map.keysText(KeyAction::VolumeUp), u"+"_s);
        QCOMPARE(map.keysText(KeyAction::VolumeDown), u"-"_s);
        QCOMPARE(map.keysText(KeyAction::None), QString());
    }

    void names()
    {
        for (KeyAction a : KeyMap::actions())
            QCOMPARE(KeyMap::actionNamed(KeyMap::nameOf(a)), std::optional<KeyAction>(a));
        QCOMPARE(KeyMap::nameOf(KeyAction::VolumeUp), u"volume-up"_s);
        QCOMPARE(KeyMap::actionNamed(u"volume_up"_s), std::nullopt);
        QCOMPARE(KeyMap::actionNamed(u"none"_s), std::nullopt);
        QCOMPARE(KeyMap::actionNamed(QString()), std::nullopt);
    }

    void rebind()
    {
        KeyMap map = KeyMap::defaults();
        QString error;
        QVERIFY2(map.bind(KeyAction::Next, u"N"_s, &error), qPrintable(error));
        QCOMPARE(map.keysText(KeyAction::Next), u"N"_s);
        QCOMPARE(actionOf(map, Qt::Key_N, kNone), u"next"_s);
        QCOMPARE(actionOf(map, Qt::Key_N, kShift), u"next"_s);
        QCOMPARE(actionOf(map, Qt::Key_N, kCtrl), u"none"_s);
        QCOMPARE(actionOf(map, Qt::Key_Down, kNone), u"none"_s); // replaced, not added
        QCOMPARE(actionOf(map, Qt::Key_2, kPad), u"none"_s);
        QCOMPARE(actionOf(map, Qt::Key_Up, kNone), u"previous"_s); // the other actions keep theirs

        // Names as QKeySequence writes them, lower case too; Backtab is Shift+Tab, Num+Up is Num+8.
        QVERIFY2(map.bind(KeyAction::Previous, u"  p ,Backtab, Num+Up, num+left "_s, &error), qPrintable(error));
        QCOMPARE(map.keysText(KeyAction::Previous), u"P, Shift+Tab, Num+8, Num+4"_s);
        QCOMPARE(actionOf(map, Qt::Key_8, kPad), u"previous"_s);
        QCOMPARE(actionOf(map, Qt::Key_Up, kPad), u"previous"_s);
        QCOMPARE(actionOf(map, Qt::Key_4, kPad, true), u"none"_s); // rtl: the pad's 4 is the pad's 6

        // A pad key written with Num+ only acts on the pad; the more precise binding wins.
        QVERIFY2(map.bind(KeyAction::VolumeUp, u"Num+-"_s, &error), qPrintable(error));
        QCOMPARE(actionOf(map, Qt::Key_Minus, kPad), u"volume-up"_s);
        QCOMPARE(actionOf(map, Qt::Key_Minus, kNone), u"volume-down"_s);
        QCOMPARE(actionOf(map, Qt::Key_Plus, kNone), u"none"_s);

        // An explicit Shift must be pressed.
        QVERIFY2(map.bind(KeyAction::Help, u"Shift+H"_s, &error), qPrintable(error));
        QCOMPARE(actionOf(map, Qt::Key_H, kShift), u"help"_s);
        QCOMPARE(actionOf(map, Qt::Key_H, kNone), u"none"_s);
    }

    // How a spec is read: the written form after normalising (what keysText gives back).
    void spellings_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("Escape") << u"Escape"_s << u"Esc"_s;
        QTest::newRow("Backtab") << u"Backtab"_s << u"Shift+Tab"_s;
        QTest::newRow("pad plus") << u"Num++"_s << u"Num++"_s;
        QTest::newRow("pad Enter") << u"Num+Enter"_s << u"Num+Enter"_s;
        QTest::newRow("pad Del is the pad's .") << u"Num+Del"_s << u"Num+."_s;
        QTest::newRow("pad Clear is the pad's 5") << u"Num+Clear"_s << u"Num+5"_s;
        QTest::newRow("pad Ins is the pad's 0") << u"Num+Ins"_s << u"Num+0"_s;
        QTest::newRow("Ctrl+digit may act") << u"Ctrl+2"_s << u"Ctrl+2"_s;
        QTest::newRow("lower case") << u"f1, shift+h, num+5"_s << u"F1, Shift+H, Num+5"_s;
        QTest::newRow("twice") << u"N, n"_s << u"N"_s;
    }

    void spellings()
    {
        QFETCH(QString, spec);
        QFETCH(QString, normalised);
        KeyMap map = KeyMap::defaults();
        QString error;
        QVERIFY2(map.bind(KeyAction::Help, spec, &error), qPrintable(error));
        QCOMPARE(map.keysText(KeyAction::Help), normalised);
    }

    void keyMovesToTheLaterAction()
    {
        KeyMap map = KeyMap::defaults();
        QString error;
        QVERIFY2(map.bind(KeyAction::Home, u"Backspace"_s, &error), qPrintable(error));
        QCOMPARE(actionOf(map, Qt::Key_Backspace, kNone), u"home"_s);
        QCOMPARE(map.keysText(KeyAction::Back), u"Esc, Num+0"_s);
        QCOMPARE(actionOf(map, Qt::Key_Home, kNone), u"none"_s);

        // Taking the only key of another action would leave it unreachable.
        QVERIFY(!map.bind(KeyAction::VolumeUp, u"+, -"_s, &error));
        QCOMPARE(error, u"- is the only key left for volume-down (give volume-down other keys first)"_s);
        QCOMPARE(map.keysText(KeyAction::VolumeUp), u"+"_s);
        QCOMPARE(map.keysText(KeyAction::VolumeDown), u"-"_s);
    }

    void badSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown name") << u"Down, Ctrl+Alt+Nowhere"_s
                                      << u"\"Ctrl+Alt+Nowhere\" is not one key (write keys as Qt names them: "
                                         "Down, Tab, Shift+Tab, Num+2, F1, ?)"_s;
        QTest::newRow("missing comma") << u"Down Tab"_s << u"\"Down Tab\" is not one key"_s;
        QTest::newRow("modifier alone") << u"Ctrl+"_s << u"\"Ctrl+\" is not one key"_s;
        QTest::newRow("plain digit") << u"Down, 2"_s
                                     << u"\"2\" is a digit of the main keyboard, which must keep typing digits "
                                        "(write Num+2 for the number pad's)"_s;
        QTest::newRow("empty") << u" , "_s << u"no key given"_s;
    }

    void badSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(QString, error);
        KeyMap map = KeyMap::defaults();
        QString why;
        QVERIFY(!map.bind(KeyAction::Next, spec, &why));
        QVERIFY2(why.startsWith(error), qPrintable(why));
        QVERIFY(map == KeyMap::defaults()); // nothing changed
        QCOMPARE(actionOf(map, Qt::Key_Down, kNone), u"next"_s);
    }

    void equality()
    {
        KeyMap map = KeyMap::defaults();
        QString error;
        QVERIFY(map.bind(KeyAction::Next, u"Down, Right, Tab, Num+2, Num+6"_s, &error));
        QVERIFY(map == KeyMap::defaults());
        QVERIFY(map.bind(KeyAction::Next, u"Right, Down, Tab, Num+2, Num+6"_s, &error));
        QVERIFY(map != KeyMap::defaults());
    }
};

QTEST_GUILESS_MAIN(TestKeyMap)
#include "tst_keymap.moc"
