#include "lockdown.h"

#include <QKeyEvent>
#include <QKeySequence>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace passerelle {

Q_LOGGING_CATEGORY(lcLockdown, "passerelle.lockdown")

bool KeyLockdown::isBlocked(const QKeyEvent &event)
{
    const Qt::KeyboardModifiers mods = event.modifiers() & ~Qt::KeypadModifier;
    const int key = event.key();
    if (key == Qt::Key_Meta || key == Qt::Key_Super_L || key == Qt::Key_Super_R || (mods & Qt::MetaModifier))
        return true;
    if ((mods & Qt::ControlModifier) && (mods & Qt::AltModifier))
        return true;
    if ((mods & Qt::AltModifier) && key >= Qt::Key_F1 && key <= Qt::Key_F35)
        return true;
    if ((mods & Qt::AltModifier) && key == Qt::Key_Tab)
        return true;
    // Quit and close, whatever the platform theme maps QKeySequence::Quit to.
    if ((mods & Qt::ControlModifier) && (key == Qt::Key_Q || key == Qt::Key_W))
        return true;
    const QKeyCombination combination(mods, Qt::Key(key));
    for (const QKeySequence::StandardKey standard : {QKeySequence::Quit, QKeySequence::Close, QKeySequence::Print,
                                                     QKeySequence::Open, QKeySequence::Save, QKeySequence::FullScreen})
        for (const QKeySequence &sequence : QKeySequence::keyBindings(standard))
            if (sequence.count() == 1 && sequence[0] == combination)
                return true;
    return false;
}

bool KeyLockdown::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type == QEvent::KeyPress || type == QEvent::KeyRelease || type == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (isBlocked(*key)) {
            if (type == QEvent::KeyPress && !key->isAutoRepeat())
                qCInfo(lcLockdown) << "ignored the key" << QKeySequence(key->keyCombination()).toString();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

namespace {
int s_pipe[2] = {-1, -1};

void onSignal(int number)
{
    const unsigned char byte = static_cast<unsigned char>(number);
    [[maybe_unused]] const ssize_t n = ::write(s_pipe[1], &byte, 1);
}
} // namespace

TerminationSignals::TerminationSignals(QObject *parent) : QObject(parent)
{
    if (s_pipe[0] < 0 && ::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        qCWarning(lcLockdown) << "cannot watch for SIGTERM: no pipe";
        return;
    }
    auto *notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        unsigned char byte = 0;
        while (::read(s_pipe[0], &byte, 1) == 1)
            Q_EMIT received(int(byte));
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(number, &action, nullptr);
}

TerminationSignals::~TerminationSignals()
{
    // The process is on its way out: a second signal (Ctrl+C again, or one sent to the whole
    // process group) must not cut short the cleanup that follows, so it is ignored.
    for (const int number : {SIGTERM, SIGINT, SIGHUP})
        ::signal(number, SIG_IGN);
}

} // namespace passerelle
