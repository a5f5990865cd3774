#include "keymap.h"

#include <QKeySequence>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

constexpr Qt::KeyboardModifiers kSignificant = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier
                                               | Qt::ShiftModifier;

/** A key press as the map compares it. */
struct Press
{
    int key = 0;
    Qt::KeyboardModifiers modifiers;
    bool keypad = false;
};

/** The pad's keys with NumLock off, as the digit (or ".") they carry with NumLock on. */
int keypadDigit(int key)
{
    switch (key) {
    case Qt::Key_Insert: return Qt::Key_0;
    case Qt::Key_End: return Qt::Key_1;
    case Qt::Key_Down: return Qt::Key_2;
    case Qt::Key_PageDown: return Qt::Key_3;
    case Qt::Key_Left: return Qt::Key_4;
    case Qt::Key_Clear: return Qt::Key_5;
    case Qt::Key_Right: return Qt::Key_6;
    case Qt::Key_Home: return Qt::Key_7;
    case Qt::Key_Up: return Qt::Key_8;
    case Qt::Key_PageUp: return Qt::Key_9;
    case Qt::Key_Delete: // "." with NumLock off
    case Qt::Key_Comma:  // the pad's decimal separator in layouts that write decimals with a comma
        return Qt::Key_Period;
    default: return key;
    }
}

Press normalise(int key, Qt::KeyboardModifiers modifiers)
{
    Press p{key, modifiers & kSignificant, modifiers.testFlag(Qt::KeypadModifier)};
    if (p.key == Qt::Key_Backtab) { // Shift+Tab arrives as Backtab (with or without Shift)
        p.key = Qt::Key_Tab;
        p.modifiers |= Qt::ShiftModifier;
    }
    if (p.keypad)
        p.key = keypadDigit(p.key);
    return p;
}

/** Keys that type a character: Shift (or AltGr) is how some layouts reach them ("?", "+"). */
bool isPrintable(int key)
{
    return key >= Qt::Key_Space && key < Qt::Key_Escape;
}

bool isDigit(int key)
{
    return key >= Qt::Key_0 && key <= Qt::Key_9;
}

struct ActionName
{
    KeyAction action;
    QString name;
    QString defaultKeys;
};

const QList<ActionName> &actionNames()
{
    static const QList<ActionName> names = {
        {KeyAction::Previous, u"previous"_s, u"Up, Left, Shift+Tab, Num+8, Num+4"_s},
        {KeyAction::Next, u"next"_s, u"Down, Right, Tab, Num+2, Num+6"_s},
        {KeyAction::Activate, u"activate"_s, u"Return, Enter, Space, Num+5"_s},
        {KeyAction::Back, u"back"_s, u"Esc, Backspace, Num+0"_s},
        {KeyAction::Help, u"help"_s, u"F1, ?, Num+."_s},
        {KeyAction::Home, u"home"_s, u"Home, Num+/"_s},
        {KeyAction::VolumeUp, u"volume-up"_s, u"+"_s},
        {KeyAction::VolumeDown, u"volume-down"_s, u"-"_s},
    };
    return names;
}

} // namespace

KeyMap KeyMap::defaults()
{
    KeyMap map;
    for (const ActionName &a : actionNames()) {
        QString error;
        [[maybe_unused]] const bool ok = map.bind(a.action, a.defaultKeys, &error);
        Q_ASSERT_X(ok, "KeyMap::defaults", qPrintable(error));
    }
    return map;
}

QString KeyMap::textOf(const Binding &binding)
{
    const Qt::KeyboardModifiers mods = binding.modifiers | (binding.keypadOnly ? Qt::KeypadModifier : Qt::NoModifier);
    return QKeySequence(QKeyCombination(mods, Qt::Key(binding.key))).toString(QKeySequence::PortableText);
}

std::optional<KeyMap::Binding> KeyMap::parseKey(const QString &text, QString *error)
{
    const QKeySequence sequence = QKeySequence::fromString(text, QKeySequence::PortableText);
    if (sequence.count() != 1 || sequence[0].key() == Qt::Key_unknown || sequence[0].key() == 0) {
        *error = u"\"%1\" is not one key (write keys as Qt names them: Down, Tab, Shift+Tab, Num+2, F1, ?)"_s.arg(text);
        return std::nullopt;
    }
    const Press p = normalise(sequence[0].key(), sequence[0].keyboardModifiers());
    if (isDigit(p.key) && !p.keypad && !(p.modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
        *error = u"\"%1\" is a digit of the main keyboard, which must keep typing digits "
                 "(write Num+%2 for the number pad's)"_s.arg(text, QString(QChar(p.key)));
        return std::nullopt;
    }
    return Binding{p.key, p.modifiers, p.keypad};
}

bool KeyMap::bind(KeyAction action, const QString &spec, QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    if (action == KeyAction::None) {
        why = u"no action to bind"_s;
        return false;
    }
    QList<Binding> keys;
    for (const QString &part : spec.split(u',')) {
        const QString text = part.trimmed();
        if (text.isEmpty())
            continue;
        const std::optional<Binding> binding = parseKey(text, &why);
        if (!binding)
            return false;
        if (!keys.contains(*binding))
            keys.append(*binding);
    }
    if (keys.isEmpty()) {
        why = u"no key given (a comma-separated list such as \"Down, Tab, Num+2\")"_s;
        return false;
    }

    // A key moves from the action that had it; an action left without any key could not be reached.
    QList<Entry> kept;
    for (const Entry &e : std::as_const(m_bindings))
        if (e.action != action && !keys.contains(e.binding))
            kept.append(e);
    for (const Entry &e : std::as_const(m_bindings)) {
        if (e.action == action || !keys.contains(e.binding))
            continue;
        const bool lastKey = std::none_of(kept.cbegin(), kept.cend(), [&](const Entry &k) { return k.action == e.action; });
        if (lastKey) {
            why = u"%1 is the only key left for %2 (give %2 other keys first)"_s.arg(textOf(e.binding),
                                                                                    nameOf(e.action));
            return false;
        }
    }
    for (const Binding &b : std::as_const(keys))
        kept.append(Entry{action, b});
    m_bindings = kept;
    return true;
}

KeyAction KeyMap::action(int key, Qt::KeyboardModifiers modifiers, bool rightToLeft) const
{
    Press p = normalise(key, modifiers);
    if (rightToLeft) {
        // After normalise the pad's arrows are digits, so this exchanges the pad's 4/6 in both NumLock states.
        if (p.key == Qt::Key_Left)
            p.key = Qt::Key_Right;
        else if (p.key == Qt::Key_Right)
            p.key = Qt::Key_Left;
        else if (p.keypad && p.key == Qt::Key_4)
            p.key = Qt::Key_6;
        else if (p.keypad && p.key == Qt::Key_6)
            p.key = Qt::Key_4;
    }
    const bool printable = isPrintable(p.key);
    const Qt::KeyboardModifiers strict = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;

    KeyAction best = KeyAction::None;
    int bestScore = -1;
    for (const Entry &e : m_bindings) {
        const Binding &b = e.binding;
        if (b.key != p.key || (b.keypadOnly && !p.keypad))
            continue;
        if ((b.modifiers & strict) != (p.modifiers & strict))
            continue; // Ctrl, Alt and Meta always count: Ctrl+Alt+Backspace is not "back"
        const bool bindingShift = b.modifiers.testFlag(Qt::ShiftModifier);
        const bool pressShift = p.modifiers.testFlag(Qt::ShiftModifier);
        if (bindingShift ? !pressShift : (pressShift && !printable))
            continue; // Shift+Tab is not Tab; "?" is Shift+, on AZERTY and still "?"
        // The most precise binding wins: Num+ over any pad, an explicit Shift over an ignored one.
        const int score = (b.keypadOnly ? 2 : 0) + (bindingShift ? 1 : 0);
        if (score > bestScore) {
            best = e.action;
            bestScore = score;
        }
    }
    return best;
}

QString KeyMap::keysText(KeyAction action) const
{
    QStringList keys;
    for (const Entry &e : m_bindings) {
        if (e.action == action)
            keys.append(textOf(e.binding));
    }
    return keys.join(u", "_s);
}

bool operator==(const KeyMap &a, const KeyMap &b)
{
    return std::all_of(KeyMap::actions().cbegin(), KeyMap::actions().cend(),
                       [&](KeyAction action) { return a.keysText(action) == b.keysText(action); });
}

std::optional<KeyAction> KeyMap::actionNamed(const QString &name)
{
    for (const ActionName &a : actionNames())
        if (a.name == name)
            return a.action;
    return std::nullopt;
}

QString KeyMap::nameOf(KeyAction action)
{
    for (const ActionName &a : actionNames())
        if (a.action == action)
            return a.name;
    return u"none"_s;
}

const std::array<KeyAction, 8> &KeyMap::actions()
{
    static const std::array<KeyAction, 8> all = {KeyAction::Previous, KeyAction::Next,     KeyAction::Activate,
                                                 KeyAction::Back,     KeyAction::Help,     KeyAction::Home,
                                                 KeyAction::VolumeUp, KeyAction::VolumeDown};
    return all;
}

} // namespace passerelle
