// Issue #17: key press -> focus ring drawn and key press -> speech started, in speech mode,
// on the real kiosk (its services, Main.qml and the keys' event filter, KioskServices::watch)
// on the demo pack, offscreen at 1920x1080 with the software renderer. There is no sound
// card: a backend that timestamps play() stands in for Qt Multimedia, so "speech started"
// is the moment the kiosk asks for the newly focused item's clip, not when sound leaves a
// loudspeaker. Prints the figures against the target; exits non-zero when one misses it.
#include "audiobackend.h"
#include "kioskservices.h"
#include "navigator.h"
#include "percentile.h"
#include "repository.h"
#include "session.h"
#include "speechmode.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QImage>
#include <QJSValue>
#include <QKeyEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Passerelle_KioskPlugin)
Q_IMPORT_QML_PLUGIN(Passerelle_UiPlugin)

using namespace passerelle;
using namespace passerelle::bench;
using namespace Qt::StringLiterals;

namespace {

constexpr double kTargetMs = 50;
constexpr int kHomePresses = 200;
constexpr int kPagePresses = 50;
constexpr int kFrameTimeoutMs = 2000;

QTextStream out(stdout);
int missed = 0;
QElapsedTimer s_clock; // every timestamp of the bench, in ns

/** Records when the kiosk asked for each clip; plays nothing (there is no sound card). */
class TimingAudioBackend : public AudioBackend
{
public:
    struct Play
    {
        qint64 at;
        QString file;
    };
    void play(const QString &file) override { m_plays.append({s_clock.nsecsElapsed(), file}); }
    void pause() override {}
    void resume() override {}
    void stop() override {}
    void setVolume(double) override {}

    /** The first clip asked for at or after t, or null. */
    [[nodiscard]] const Play *firstAfter(qint64 t) const
    {
        for (const Play &p : m_plays) {
            if (p.at >= t)
                return &p;
        }
        return nullptr;
    }
    void clear() { m_plays.clear(); }

private:
    QList<Play> m_plays;
};

void report(const QString &what, double value, const QString &unit, double target)
{
    const bool ok = value <= target;
    missed += ok ? 0 : 1;
    out << qSetFieldWidth(58) << Qt::left << what << qSetFieldWidth(0) << QString::number(value, 'f', 1).rightJustified(9)
        << ' ' << unit.leftJustified(4) << "  target <= " << target << ' ' << unit << (ok ? "   ok" : "   MISSED")
        << Qt::endl;
}

QQuickItem *findNamed(QQuickItem *item, const QString &name)
{
    if (item->objectName() == name)
        return item;
    for (QQuickItem *child : item->childItems()) {
        if (QQuickItem *found = findNamed(child, name))
            return found;
    }
    return nullptr;
}

/** The focus ring of a focusable item (its own, not one of a child's), or null. */
QQuickItem *ringOf(QQuickItem *item)
{
    for (QQuickItem *child : item->childItems()) {
        if (child->objectName() == u"focusRing")
            return child;
        if (child->activeFocusOnTab())
            continue; // a focusable child's ring is its own
        if (QQuickItem *ring = ringOf(child))
            return ring;
    }
    return nullptr;
}

QString nameOf(const QQuickItem *item)
{
    if (!item)
        return u"(none)"_s;
    return item->objectName().isEmpty() ? QString::fromLatin1(item->metaObject()->className()) : item->objectName();
}

/** The clip speech mode starts with for an item: a block's own audio, another item's label. */
QString expectedClip(QQuickItem *item)
{
    if (item->property("spokenKind").toString() == u"part") {
        QVariant files = item->property("files");
        if (files.canConvert<QJSValue>())
            files = files.value<QJSValue>().toVariant();
        return files.toStringList().value(item->property("index").toInt());
    }
    return item->property("spokenFile").toString();
}

/** Lets the event loop run until the window has drawn no frame for quietMs (at most maxMs). */
void settle(QQuickWindow *window, int quietMs = 40, int maxMs = 1500)
{
    QElapsedTimer total, quiet;
    total.start();
    quiet.start();
    const QMetaObject::Connection c = QObject::connect(window, &QQuickWindow::frameSwapped, [&quiet] { quiet.restart(); });
    while (quiet.elapsed() < quietMs && total.elapsed() < maxMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // as the event loop would
    }
    QObject::disconnect(c);
}

/**
 * The sides of a ring that the window, drawn now, does not show in the ring's colour
 * (looked at in the middle of each side, half the ring's width in): all four when it is
 * not drawn, some when something clips it.
 */
QStringList ringHiddenSides(QQuickWindow *window, QQuickItem *ring)
{
    auto *border = ring->property("border").value<QObject *>();
    if (!border)
        return {u"left"_s, u"top"_s, u"right"_s, u"bottom"_s};
    const QColor colour = border->property("color").value<QColor>();
    const qreal half = border->property("width").toReal() / 2;
    const QImage image = window->grabWindow();
    const qreal w = ring->width(), h = ring->height();
    const QList<QPair<QString, QPointF>> sides{{u"left"_s, {half, h / 2}},
                                               {u"top"_s, {w / 2, half}},
                                               {u"right"_s, {w - half, h / 2}},
                                               {u"bottom"_s, {w / 2, h - half}}};
    QStringList hidden;
    for (const auto &[side, point] : sides) {
        const QPoint at = (ring->mapToScene(point) * image.devicePixelRatio()).toPoint();
        if (!image.rect().contains(at) || image.pixelColor(at).rgb() != colour.rgb())
            hidden.append(side);
    }
    return hidden;
}

/**
 * A key event sent to the window as the platform sends one: through the window's event
 * filters (AccessInput) to the focused item, and nothing else (QTest::keyPress() also
 * runs the event loop, which can draw a frame before the press has been timed).
 */
void sendKey(QQuickWindow *window, QEvent::Type type, int key)
{
    QKeyEvent event(type, key, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &event);
}

struct Presses
{
    QList<double> frame;  // ms, key press to the first frame with the new focus
    QList<double> speech; // ms, key press to the first play()
    QList<QPair<double, QString>> slowest; // frame time, the item focused
    int noMove = 0;       // the focus did not move
    int noFrame = 0;      // no frame came with the new focus
    int noRing = 0;       // the focused item has no ring, or it was not visible in that frame
    int notPainted = 0;   // the ring's colour found on none of its sides (each item looked at once)
    QStringList clipped;  // items whose ring shows on some sides only
    QSet<QQuickItem *> checked;
    int noSpeech = 0;     // no clip asked for (e.g. a block without audio)
    int wrongClip = 0;    // the first clip was not the focused item's
};

/**
 * Presses key once, as a visitor does: press, wait for what it does to be seen and heard,
 * release, and let the screen come to rest (a list scrolling to the block read) before
 * the next press.
 */
void press(QQuickWindow *window, TimingAudioBackend &audio, int key, Presses &p)
{
    QQuickItem *before = window->activeFocusItem();
    qint64 frameAt = -1;
    bool ringShown = false;
    QEventLoop loop;
    // The first frame in which another item has the focus (and whether its ring shows).
    const QMetaObject::Connection c = QObject::connect(window, &QQuickWindow::frameSwapped, [&] {
        QQuickItem *now = window->activeFocusItem();
        if (frameAt < 0 && now && now != before && now != window->contentItem()) {
            frameAt = s_clock.nsecsElapsed();
            const QQuickItem *ring = ringOf(now);
            ringShown = ring && ring->isVisible();
            loop.quit();
        }
    });
    audio.clear();
    const qint64 t0 = s_clock.nsecsElapsed();
    sendKey(window, QEvent::KeyPress, key);
    QQuickItem *target = window->activeFocusItem();
    if (!target || target == before || target == window->contentItem()) {
        ++p.noMove;
        QObject::disconnect(c);
        sendKey(window, QEvent::KeyRelease, key);
        settle(window);
        return;
    }
    QQuickItem *ring = ringOf(target);
    if (frameAt < 0) {
        QTimer::singleShot(kFrameTimeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QObject::disconnect(c);

    if (frameAt < 0) {
        ++p.noFrame;
    } else {
        const double ms = double(frameAt - t0) / 1e6;
        p.frame.append(ms);
        p.slowest.append({ms, nameOf(target)});
        if (!ringShown)
            ++p.noRing;
    }
    if (const TimingAudioBackend::Play *play = audio.firstAfter(t0)) {
        p.speech.append(double(play->at - t0) / 1e6);
        const QString clip = expectedClip(target);
        if (!clip.isEmpty() && play->file != clip)
            ++p.wrongClip;
    } else {
        ++p.noSpeech;
    }
    sendKey(window, QEvent::KeyRelease, key);
    settle(window);
    if (ring && !p.checked.contains(target)) { // once per item: a grab draws the whole window
        p.checked.insert(target);
        const QStringList hidden = ringHiddenSides(window, ring);
        if (hidden.size() == 4)
            ++p.notPainted;
        else if (!hidden.isEmpty())
            p.clipped.append(nameOf(target) + u" ("_s + hidden.join(u", "_s) + u')');
    }
}

void print(const QString &what, Presses &p)
{
    report(u"%1: key -> focus drawn, p95 of %2"_s.arg(what).arg(p.frame.size()), percentile(p.frame, 0.95), u"ms"_s,
           kTargetMs);
    out << "    p50 " << QString::number(percentile(p.frame, 0.5), 'f', 1) << " ms, max "
        << QString::number(percentile(p.frame, 1.0), 'f', 1) << " ms" << Qt::endl;
    report(u"%1: key -> speech started, p95 of %2"_s.arg(what).arg(p.speech.size()), percentile(p.speech, 0.95),
           u"ms"_s, kTargetMs);
    out << "    p50 " << QString::number(percentile(p.speech, 0.5), 'f', 1) << " ms, max "
        << QString::number(percentile(p.speech, 1.0), 'f', 1) << " ms" << Qt::endl;
    std::sort(p.slowest.begin(), p.slowest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    out << "    slowest frames:";
    for (qsizetype i = 0; i < std::min<qsizetype>(3, p.slowest.size()); ++i)
        out << (i > 0 ? ", " : " ") << p.slowest.at(i).second << ' ' << QString::number(p.slowest.at(i).first, 'f', 1)
            << " ms";
    out << Qt::endl;
    const int wrong = p.noMove + p.noFrame + p.noRing + p.notPainted + p.wrongClip;
    if (wrong > 0 || p.noSpeech > 0)
        out << "    focus did not move " << p.noMove << ", no frame with the new focus " << p.noFrame
            << ", ring not shown in that frame " << p.noRing << ", ring painted on no side " << p.notPainted
            << ", nothing said " << p.noSpeech << ", another clip first " << p.wrongClip << Qt::endl;
    if (!p.clipped.isEmpty())
        out << "    NOTE ring not painted on every side (clipped): " << p.clipped.join(u", "_s) << Qt::endl;
    missed += wrong;
}

/** The page with the most blocks in a language: the heaviest to move through. */
QString heaviestPage(const Repository &repo, const QString &language)
{
    QString best;
    qsizetype most = -1;
    for (const QString &id : repo.pageIds()) {
        const auto page = repo.page(id, language, QDate::currentDate());
        if (!page)
            continue;
        const qsizetype n = repo.blocks(page->key, language).size();
        if (n > most) {
            most = n;
            best = id;
        }
    }
    return best;
}

bool isBlock(const QQuickItem *item)
{
    return item && item->property("spokenKind").toString() == u"part";
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    s_clock.start();
    const QString pack = QStringLiteral(PASSERELLE_DEMO_PACK);
    out << "Passerelle kiosk keys benchmark: speech mode, offscreen, 1920x1080, software renderer, demo pack " << pack
        << Qt::endl;

    KioskServices::Options options;
    options.packDir = pack;
    options.language = u"fr"_s;
    options.startRoute = u"home"_s;
    options.idleSeconds = 3600; // no idle warning in the middle of the bench
    options.warningSeconds = 30;
    auto backend = std::make_unique<TimingAudioBackend>();
    TimingAudioBackend &audio = *backend;
    auto services = KioskServices::open(options, std::move(backend));
    if (!services) {
        out << "cannot open the demo pack: " << services.problem().toString() << Qt::endl;
        return 1;
    }
    // As Kiosk::loadUi(), with the timing backend (Kiosk::open() takes none).
    QQmlApplicationEngine engine;
    services.value()->installInto(&engine);
    engine.load(QUrl(u"qrc:/qt/qml/Passerelle/Ui/Main.qml"_s));
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window) {
        out << "cannot load the kiosk's QML" << Qt::endl;
        return 1;
    }
    const std::unique_ptr<QObject> inputs = services.value()->watch(window);
    window->resize(1920, 1080);
    window->show();
    if (!QTest::qWaitForWindowExposed(window)) {
        out << "the window was never exposed: nothing would be drawn" << Qt::endl;
        return 1;
    }
    settle(window);

    // The first key turns speech mode on (not measured), then a few presses warm up
    // (the machine-voice notice comes with the session's first synthetic clip).
    sendKey(window, QEvent::KeyPress, Qt::Key_Down);
    sendKey(window, QEvent::KeyRelease, Qt::Key_Down);
    settle(window);
    if (!services.value()->speechMode().active()) {
        out << "the first key did not turn speech mode on" << Qt::endl;
        return 1;
    }
    Presses warm;
    for (int i = 0; i < 10; ++i)
        press(window, audio, Qt::Key_Down, warm);

    // Home: Down, then Up, through the topic tiles, the paper button and the navigation bar.
    Presses home;
    for (int i = 0; i < kHomePresses; ++i)
        press(window, audio, i < kHomePresses / 2 ? Qt::Key_Down : Qt::Key_Up, home);

    // A content page, the one with the most blocks: Down (and back Up) through its blocks,
    // each focus starting to read a block.
    const QString page = heaviestPage(services.value()->repository(), u"fr"_s);
    services.value()->navigator().go(u"page/"_s + page);
    settle(window);
    // Entering a screen should put the focus on its first block; when it does not, Down
    // (not measured) brings it there.
    QString entryNote;
    if (!isBlock(window->activeFocusItem())) {
        entryNote = u"NOTE entering page/%1 put the focus on %2, not its first block"_s.arg(
            page, nameOf(window->activeFocusItem()));
        Presses entry;
        for (int i = 0; i < 30 && !isBlock(window->activeFocusItem()); ++i)
            press(window, audio, Qt::Key_Down, entry);
    }
    Presses blocks;
    bool down = true;
    for (int i = 0; i < kPagePresses; ++i) {
        QQuickItem *from = window->activeFocusItem();
        if (!isBlock(from)) {
            out << "page " << page << ": the focus is on " << nameOf(from) << ", not a block" << Qt::endl;
            ++missed;
            break;
        }
        if (!isBlock(from->nextItemInFocusChain(down)))
            down = !down; // at the last block go back up, at the first go down
        press(window, audio, down ? Qt::Key_Down : Qt::Key_Up, blocks);
    }

    out << "home screen (fr): " << kHomePresses << " presses of Down/Up over the topics and the navigation bar"
        << Qt::endl;
    print(u"home"_s, home);
    out << "content page \"" << page << "\" (fr): " << blocks.frame.size()
        << " presses of Down/Up through its blocks, each read" << Qt::endl;
    print(u"page blocks"_s, blocks);
    if (!entryNote.isEmpty())
        out << entryNote << Qt::endl;
    out << (missed == 0 ? u"all targets met"_s : u"%1 target(s) missed"_s.arg(missed)) << Qt::endl;
    return missed == 0 ? 0 : 1;
}
