#include "contentpreview.h"

#include "contentwatcher.h"
#include "kiosk.h"
#include "kiosksettings.h"
#include "navigator.h"
#include "opssingletons.h"
#include "repository.h"
#include "session.h"
#include "windowfit.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScreen>
#include <QTextStream>
#include <QThread>

#include <algorithm>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPreview, "passerelle.preview")

namespace {

// An editor reads and types elsewhere for minutes: the preview never ends the session.
constexpr int kIdleSeconds = 24 * 3600;

const QUrl kWindowQml(u"qrc:/qt/qml/Passerelle/Preview/PreviewWindow.qml"_s);
const QUrl kScreenQml(u"qrc:/qt/qml/Passerelle/Ui/KioskScreen.qml"_s);

// The preview's words are the editors' tool's, in English like passerelle-pack's
// messages, not the kiosk's: tr() would follow the visitor's language of the kiosk.
QString count(int n, const char *one, const char *many)
{
    return u"%1 %2"_s.arg(n).arg(QLatin1String(n == 1 ? one : many));
}

bool statusExists(const KioskServices &services, const QString &status, const QString &language)
{
    const QList<ResidenceStatus> statuses = services.repository().statuses(language);
    return std::any_of(statuses.cbegin(), statuses.cend(), [&](const ResidenceStatus &s) { return s.id == status; });
}

/**
 * Makes the engine create every singleton of the kiosk now, while QmlInstances points to
 * this kiosk's services: an engine creates a singleton the first time QML uses it, and
 * by then QmlInstances may point to the next kiosk's.
 */
void bindSingletons(QQmlEngine &engine)
{
    for (const char *name : {"Session", "Navigator", "Content", "Narrator", "IdleTimer", "Staff", "KioskSettings"}) {
        const int id = qmlTypeId("Passerelle.Kiosk", 1, 0, name);
        if (id < 0 || !engine.singletonInstance<QObject *>(id))
            qCWarning(lcPreview) << "the singleton" << name << "of Passerelle.Kiosk is missing";
    }
}

} // namespace

/** One good build on screen: its pack, the kiosk on it and that kiosk's screen in the window. */
struct ContentPreview::Generation
{
    QString packDir;
    QByteArray manifest;
    std::unique_ptr<Kiosk> kiosk;
    std::unique_ptr<QQuickItem> screen;
    std::unique_ptr<QObject> touches; // KioskServices::watch()

    ~Generation()
    {
        // The screen before its engine, the engine before its services, the pack last.
        touches.reset();
        screen.reset();
        kiosk.reset();
        if (!packDir.isEmpty())
            QDir(packDir).removeRecursively();
    }
};

ContentPreview::ContentPreview(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_work(QDir::temp().filePath(u"passerelle-preview-XXXXXX"_s))
    // Fixed for the whole preview, so unchanged content builds a byte-identical pack.
    , m_created(QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC))
    , m_settings(std::make_unique<KioskSettings>(m_options.config))
    , m_problems(std::make_unique<ProblemListModel>())
{
    m_clock.start();
}

ContentPreview::~ContentPreview()
{
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
    m_current.reset();
    m_shell.reset();
    if (OpsInstances::settings == m_settings.get())
        OpsInstances::settings = nullptr;
}

bool ContentPreview::start(QString *error)
{
    if (!QFileInfo(m_options.contentDir).isDir()) {
        *error = u"%1 is not a folder (give the content folder, the one with pack.yaml)"_s.arg(m_options.contentDir);
        return false;
    }
    if (!m_work.isValid()) {
        *error = u"cannot create a temporary folder: %1"_s.arg(m_work.errorString());
        return false;
    }
    // The theme's density comes from the config; there is no staff screen or usage count.
    OpsInstances::settings = m_settings.get();

    m_shell = std::make_unique<QQmlApplicationEngine>();
    m_shell->addImportPath(u"qrc:/qt/qml"_s);
    m_shell->setInitialProperties({{u"preview"_s, QVariant::fromValue(this)}});
    m_shell->load(kWindowQml);
    QQuickWindow *w = window();
    m_host = w ? w->findChild<QQuickItem *>(u"kioskHost"_s) : nullptr;
    if (!m_host) {
        *error = u"the preview window failed to load (see the QML errors above)"_s;
        return false;
    }
    // A laptop's screen may be smaller than the kiosk's: the window fits on it, and shows the
    // kiosk at its size, scaled (unless --size asked for a window of that size).
    if (m_options.fitToScreen)
        fitWindowToScreen(w, m_options.size);
    else
        w->resize(m_options.size);
    w->show();

    m_watcher = std::make_unique<ContentWatcher>(m_options.contentDir, m_options.quietMs);
    connect(m_watcher.get(), &ContentWatcher::changed, this, &ContentPreview::changed);
    m_changeAt = m_clock.elapsed();
    startBuild();
    return true;
}

QQuickWindow *ContentPreview::window() const
{
    if (!m_shell || m_shell->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(m_shell->rootObjects().constFirst());
}

Kiosk *ContentPreview::kiosk() const { return m_current ? m_current->kiosk.get() : nullptr; }
QQuickItem *ContentPreview::screen() const { return m_current ? m_current->screen.get() : nullptr; }
bool ContentPreview::hasContent() const { return m_current != nullptr; }

QString ContentPreview::summary() const
{
    const QString &dir = m_options.contentDir;
    if (m_errors == 0)
        return hasContent() ? u"%1: %2"_s.arg(dir, count(m_warnings, "warning", "warnings"))
                            : u"Building %1…"_s.arg(dir);
    const QString errors = count(m_errors, "error", "errors");
    if (!hasContent())
        return u"%1 in %2: nothing to show until they are fixed. Save a fix: the preview rebuilds by itself."_s.arg(
            errors, dir);
    return u"%1 in %2: the kiosk shows the last good build, from %3. Save a fix: the preview rebuilds by itself."_s
        .arg(errors, dir, m_shownAt.toString(u"HH:mm:ss"_s));
}

QString ContentPreview::title() const
{
    // The warnings only as a count: passerelle-pack check lists them.
    QString out = u"Passerelle preview: %1"_s.arg(m_options.contentDir);
    if (m_errors > 0)
        return out + u" (%1, %2)"_s.arg(count(m_errors, "error", "errors"), count(m_warnings, "warning", "warnings"));
    return m_warnings > 0 ? out + u" (%1)"_s.arg(count(m_warnings, "warning", "warnings")) : out;
}

void ContentPreview::changed(qint64 waitedMs)
{
    m_fromStart = false;
    if (m_changeAt < 0)
        m_changeAt = m_clock.elapsed() - waitedMs;
    if (m_thread) {
        // The build under way reads files that changed since: build again after it.
        m_buildAgain = true;
        return;
    }
    startBuild();
}

void ContentPreview::startBuild()
{
    const QString out = m_work.filePath(u"pack-%1"_s.arg(++m_buildNumber));
    auto result = std::make_shared<PreviewBuild>();
    m_thread = QThread::create([result, dir = m_options.contentDir, out, created = m_created] {
        *result = buildPreviewPack(dir, out, created);
    });
    connect(m_thread, &QThread::finished, this, [this, result, out] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (m_buildAgain) {
            m_buildAgain = false;
            QDir(out).removeRecursively();
            startBuild();
            return;
        }
        buildFinished(*result);
        if (!result->ok() || !m_current || m_current->packDir != out)
            QDir(out).removeRecursively();
    });
    m_thread->start();
}

void ContentPreview::buildFinished(const PreviewBuild &build)
{
    QTextStream err(stderr);
    const QString &dir = m_options.contentDir;
    Problems problems = build.problems;
    if (build.ok() && m_current && build.manifest == m_current->manifest) {
        err << "preview: " << dir << " rebuilt in " << build.milliseconds << " ms: the same pack, nothing to reload\n";
        m_changeAt = -1;
        setOutcome(problems);
        Q_EMIT updated(false);
        return;
    }
    if (build.ok()) {
        QElapsedTimer loading;
        loading.start();
        std::unique_ptr<Generation> next = load(build.packDir, problems);
        if (next) {
            next->manifest = build.manifest;
            const bool first = m_fromStart;
            m_current = std::move(next); // the previous kiosk goes, with its pack
            m_shownAt = QDateTime::currentDateTime();
            m_timing = {build.milliseconds, loading.elapsed(), m_clock.elapsed() - m_changeAt};
            m_changeAt = -1;
            err << "preview: " << dir << (first ? " built in " : " rebuilt in ") << m_timing.build << " ms, loaded in "
                << m_timing.load << " ms; on screen " << m_timing.changeToScreen << " ms after "
                << (first ? "the start" : "the change") << " (" << count(build.warningCount(), "warning", "warnings")
                << ")\n";
            setOutcome(problems);
            Q_EMIT updated(true);
            return;
        }
    }
    // Errors: the last good kiosk stays on screen, under the list of what is wrong.
    m_changeAt = -1;
    int errors = 0;
    for (const Problem &p : std::as_const(problems)) {
        if (p.severity == Problem::Severity::Error) {
            err << p.toString() << '\n';
            ++errors;
        }
    }
    err << "preview: " << count(errors, "error", "errors") << " in " << dir << " (build " << build.milliseconds
        << " ms); " << (m_current ? "still showing the last good build" : "nothing to show until they are fixed")
        << '\n';
    setOutcome(problems);
    Q_EMIT updated(false);
}

std::unique_ptr<ContentPreview::Generation> ContentPreview::load(const QString &packDir, Problems &problems)
{
    // Where the visitor was: the one on screen's state, or the command line's at first.
    QList<Route> routes{Route::parse(m_options.kiosk.startRoute).value_or(Route())};
    QString language = m_options.kiosk.language;
    QString status;
    bool largeText = m_options.largeText;
    bool highContrast = m_options.highContrast;
    bool workerMode = m_options.workerMode;
    if (m_current) {
        const KioskServices &was = m_current->kiosk->services();
        routes = was.navigator().stack();
        language = was.session().language();
        status = was.session().status();
        largeText = was.session().largeText();
        highContrast = was.session().highContrast();
        workerMode = was.session().workerMode();
    }

    KioskServices::Options options = m_options.kiosk;
    options.packDir = packDir;
    options.objectsDir.clear();
    options.idleSeconds = kIdleSeconds;
    Result<std::unique_ptr<Kiosk>> opened = Kiosk::open(options);
    if (!opened) {
        problems.append(opened.problem());
        return nullptr;
    }
    auto next = std::make_unique<Generation>();
    next->kiosk = std::move(opened.value());
    KioskServices &services = next->kiosk->services();
    Session &session = services.session();
    session.setLanguage(language); // ignored when the pack no longer has it
    if (session.language().isEmpty())
        session.setLanguage(services.repository().sourceLanguage());
    if (!status.isEmpty() && statusExists(services, status, session.language()))
        session.setStatus(status);
    session.setLargeText(largeText);
    session.setHighContrast(highContrast);
    session.setWorkerMode(workerMode);
    // The way back stays too, without the screens that are gone (a page deleted or renamed:
    // the navigator refuses routes the pack lacks).
    services.navigator().restore(routes);

    QQmlEngine &engine = next->kiosk->engine();
    QQmlComponent component(&engine, kScreenQml);
    if (component.isReady())
        bindSingletons(engine);
    QObject *object = component.isReady() ? component.beginCreate(engine.rootContext()) : nullptr;
    auto *item = qobject_cast<QQuickItem *>(object);
    if (!item) {
        delete object;
        problems.append(Problem{kScreenQml.toString(), 0, u"the kiosk's screen failed to load: %1"_s.arg(component.errorString()),
                                u"a bug of passerelle, not of the content: please report it"_s});
        return nullptr;
    }
    next->screen.reset(item);
    item->setParentItem(m_host);
    component.completeCreate();
    item->setSize(m_host->size());
    connect(m_host, &QQuickItem::widthChanged, item, [item, host = m_host] { item->setWidth(host->width()); });
    connect(m_host, &QQuickItem::heightChanged, item, [item, host = m_host] { item->setHeight(host->height()); });
    next->touches = services.watch(m_host->window());
    next->packDir = packDir;
    return next;
}

void ContentPreview::setOutcome(const Problems &problems)
{
    m_errors = 0;
    m_warnings = 0;
    for (const Problem &p : problems)
        ++(p.severity == Problem::Severity::Error ? m_errors : m_warnings);
    m_problems->setProblems(problems);
    Q_EMIT outcomeChanged();
}

} // namespace passerelle
