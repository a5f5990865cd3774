// Lockdown: the keys that would close or leave an application on a desktop never reach
// the kiosk's window; ordinary typing does. And SIGTERM quits the event loop cleanly.
#include "lockdown.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWindow>

#include <csignal>

using namespace passerelle;

namespace {

class KeyRecorder : public QWindow
{
public:
    QList<QKeyCombination> pressed;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        // QTest also presses the modifier keys themselves; only the keys count here.
        const int key = event->key();
        if (key != Qt::Key_Alt && key != Qt::Key_Control && key != Qt::Key_Shift && key != Qt::Key_Meta)
            pressed.append(event->keyCombination());
    }
};

} // namespace

class TestLockdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blockedKeys_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<bool>("blocked");
        QTest::newRow("Alt+F4") << int(Qt::Key_F4) << int(Qt::AltModifier) << true;
        QTest::newRow("Ctrl+Q") << int(Qt::Key_Q) << int(Qt::ControlModifier) << true;
        QTest::newRow("Ctrl+W") << int(Qt::Key_W) << int(Qt::ControlModifier) << true;
        QTest::newRow("Ctrl+Alt+Backspace") << int(Qt::Key_Backspace) << int(Qt::ControlModifier | Qt::AltModifier) << true;
        QTest::newRow("Ctrl+Alt+F2") << int(Qt::Key_F2) << int(Qt::ControlModifier | Qt::AltModifier) << true;
        QTest::newRow("Alt+Tab") << int(Qt::Key_Tab) << int(Qt::AltModifier) << true;
        QTest::newRow("Super") << int(Qt::Key_Super_L) << int(Qt::NoModifier) << true;
        QTest::newRow("Meta+E") << int(Qt::Key_E) << int(Qt::MetaModifier) << true;
        QTest::newRow("Ctrl+O") << int(Qt::Key_O) << int(Qt::ControlModifier) << true;
        QTest::newRow("Ctrl+P") << int(Qt::Key_P) << int(Qt::ControlModifier) << true;
        QTest::newRow("a") << int(Qt::Key_A) << int(Qt::NoModifier) << false;
        QTest::newRow("Shift+S") << int(Qt::Key_S) << int(Qt::ShiftModifier) << false;
        QTest::newRow("7") << int(Qt::Key_7) << int(Qt::NoModifier) << false;
        QTest::newRow("Backspace") << int(Qt::Key_Backspace) << int(Qt::NoModifier) << false;
        QTest::newRow("Escape") << int(Qt::Key_Escape) << int(Qt::NoModifier) << false;
    }

    void blockedKeys()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(bool, blocked);
        const QKeyEvent event(QEvent::KeyPress, key, Qt::KeyboardModifiers(modifiers));
        QCOMPARE(KeyLockdown::isBlocked(event), blocked);
    }

    void filterStopsKeysBeforeTheWindow()
    {
        KeyLockdown lockdown;
        qApp->installEventFilter(&lockdown);
        KeyRecorder window;
        window.show();
        QTest::keyClick(&window, Qt::Key_F4, Qt::AltModifier);
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_A);
        qApp->removeEventFilter(&lockdown);
        QCOMPARE(window.pressed, QList<QKeyCombination>{QKeyCombination(Qt::Key_A)});
    }

    void sigtermIsDeliveredAsASignal()
    {
        TerminationSignals signals_;
        QSignalSpy received(&signals_, &TerminationSignals::received);
        ::raise(SIGTERM);
        QTRY_COMPARE(received.count(), 1);
        QCOMPARE(received.first().first().toInt(), SIGTERM);
    }

    void aSignalDuringTheCleanupIsIgnored()
    {
        { TerminationSignals signals_; }
        // Either would end this test program here, were it not ignored.
        ::raise(SIGINT);
        ::raise(SIGTERM);
    }
};

QTEST_MAIN(TestLockdown)
#include "tst_lockdown.moc"
