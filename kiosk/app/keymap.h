#pragma once

#include <QList>
#include <QString>
#include <Qt>

#include <array>
#include <optional>

namespace passerelle {

/** What a key press asks the kiosk to do (EZ Access style: move, act, back, help). */
enum class KeyAction { None, Previous, Next, Activate, Back, Help, Home, VolumeUp, VolumeDown };

/**
 * Which key does what: the pure mapping from a key press to a KeyAction, and its
 * configuration ([keys] in passerelle.conf). A key written without "Num+" acts wherever it
 * is (the "+" of the main keyboard and of the number pad); "Num+" keys act on the number
 * pad only, and the pad's digits and "." are the same key whether NumLock is on or off.
 * Digits of the main keyboard never act: they type.
 */
class KeyMap
{
public:
    /** The default map (README): previous = Up, Left, Shift+Tab (Backtab), keypad 8 and 4;
     *  next = Down, Right, Tab, keypad 2 and 6; activate = Enter, Return, Space, keypad 5 (and keypad Enter);
     *  back = Escape, Backspace, keypad 0; help = F1, "?", keypad "."; home = Home, keypad "/";
     *  volume up = "+" (and keypad +), volume down = "-" (and keypad -). */
    static KeyMap defaults();

    /** Replaces the keys of action by spec, a comma-separated list in QKeySequence portable text
     *  ("Down, Tab, Num+2"); false with *error naming the bad key when it is not one key.
     *  A key another action had moves to this one (refused when it was that action's last key). */
    bool bind(KeyAction action, const QString &spec, QString *error);

    /** The action of a key press, None when the key is not mapped. In a right-to-left
     *  language Left and Right (arrows, keypad 4/6) are exchanged first, so that "next" follows the reading. */
    [[nodiscard]] KeyAction action(int key, Qt::KeyboardModifiers modifiers, bool rightToLeft) const;

    /** The keys of action in the [keys] syntax, normalised ("Up, Left, Shift+Tab, Num+8, Num+4"). */
    [[nodiscard]] QString keysText(KeyAction action) const;

    /** "previous", "next", "activate", "back", "help", "home", "volume-up", "volume-down". */
    static std::optional<KeyAction> actionNamed(const QString &name);
    static QString nameOf(KeyAction action);
    /** Every action but None, in the order above. */
    static const std::array<KeyAction, 8> &actions();

    /** The same keys for every action (in the same order). */
    friend bool operator==(const KeyMap &a, const KeyMap &b);
    friend bool operator!=(const KeyMap &a, const KeyMap &b) { return !(a == b); }

private:
    /** One key, normalised: Backtab is Shift+Tab, the pad's keys in NumLock-off form are digits. */
    struct Binding
    {
        int key = 0;
        /** Only Ctrl, Alt, Meta and Shift. */
        Qt::KeyboardModifiers modifiers;
        bool keypadOnly = false;
        friend bool operator==(const Binding &a, const Binding &b)
        {
            return a.key == b.key && a.modifiers == b.modifiers && a.keypadOnly == b.keypadOnly;
        }
    };
    struct Entry
    {
        KeyAction action = KeyAction::None;
        Binding binding;
    };

    static QString textOf(const Binding &binding);
    static std::optional<Binding> parseKey(const QString &text, QString *error);

    QList<Entry> m_bindings;
};

} // namespace passerelle
