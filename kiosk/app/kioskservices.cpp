#include "kioskservices.h"

#include "contentcatalog.h"
#include "idletimer.h"
#include "mediaplayerbackend.h"
#include "silentaudiobackend.h"
#include "narrator.h"
#include "navigator.h"
#include "pictogramprovider.h"
#include "qrcodeprovider.h"
#include "qmlsingletons.h"
#include "repository.h"
#include "session.h"
#include "speechmode.h"
#include "touchwatcher.h"
#include "accessinput.h"
#include "uitranslator.h"

#include <QDir>
#include <QQmlEngine>

namespace passerelle {

using namespace Qt::StringLiterals;

Result<std::unique_ptr<KioskServices>> KioskServices::open(const Options &options,
                                                           std::unique_ptr<AudioBackend> backend)
{
    Result<std::shared_ptr<Pack>> pack = options.objectsDir.isEmpty()
        ? Pack::openDirectory(options.packDir)
        : Pack::open(QDir(options.packDir).filePath(u"manifest.json"_s), options.objectsDir);
    if (!pack)
        return pack.problem();

    std::unique_ptr<KioskServices> s(new KioskServices);
    s->m_repository = std::make_shared<Repository>(pack.value());
    s->m_translator = std::make_unique<UiTranslator>();
    s->m_content = std::make_unique<ContentCatalog>(s->m_repository);
    if (options.today.isValid())
        s->m_content->setToday(options.today);

    const QString language = options.language.isEmpty() ? s->m_repository->sourceLanguage() : options.language;
    UiTranslator *translator = s->m_translator.get();
    s->m_session = std::make_unique<Session>(*s->m_repository, language,
                                             [translator](const QString &code) { translator->apply(code); });
    s->m_navigator = std::make_unique<Navigator>(Route(Route::Kind::Home));
    s->m_navigator->setContent(s->m_content.get());
    s->m_navigator->setSession(s->m_session.get());
    if (backend)
        s->m_audio = std::move(backend);
    else if (options.silent)
        s->m_audio = std::make_unique<SilentAudioBackend>();
    else
        s->m_audio = std::make_unique<MediaPlayerBackend>(options.audioOutput);
    s->m_narrator = std::make_unique<Narrator>(s->m_audio.get());
    // The machine-voice notice: the kiosk's label "This voice is made by a computer"
    // (qml/KioskScreen.qml), by its id, in the visitor's language.
    {
        const ContentCatalog *content = s->m_content.get();
        const Session *session = s->m_session.get();
        s->m_narrator->setMachineVoice([content](const QString &file) { return content->isSyntheticAudio(file); },
                                       [content, session] {
                                           return content->labelAudio(u"this-voice-is-made-by-a-computer"_s,
                                                                      session->language());
                                       });
    }
    s->m_idle = std::make_unique<IdleTimer>(options.idleSeconds, options.warningSeconds);
    s->m_speech = std::make_unique<SpeechMode>(s->m_narrator.get(), s->m_content.get(), s->m_session.get(),
                                               s->m_navigator.get());
    s->m_keys = options.keys;
    QObject::connect(s->m_session.get(), &Session::cleared, s->m_speech.get(), &SpeechMode::reset);

    KioskServices *self = s.get();
    // The idle timer waits while the visitor listens, and sleeps while nobody is there.
    QObject::connect(s->m_narrator.get(), &Narrator::stateChanged, s->m_idle.get(), [self] {
        self->m_idle->setHeld(self->m_narrator->speaking() && !self->m_narrator->paused());
    });
    QObject::connect(s->m_navigator.get(), &Navigator::routeChanged, s->m_idle.get(), [self] {
        self->m_idle->setActive(self->m_navigator->current().kind() != Route::Kind::Attract);
    });
    QObject::connect(s->m_idle.get(), &IdleTimer::expired, s->m_idle.get(), [self] { self->endSession(); });
    s->m_navigator->reset(options.startRoute);
    s->m_idle->setActive(s->m_navigator->current().kind() != Route::Kind::Attract);
    return s;
}

KioskServices::~KioskServices()
{
    if (QmlInstances::session == m_session.get()) {
        QmlInstances::session = nullptr;
        QmlInstances::navigator = nullptr;
        QmlInstances::content = nullptr;
        QmlInstances::narrator = nullptr;
        QmlInstances::idleTimer = nullptr;
        QmlInstances::speechMode = nullptr;
    }
}

void KioskServices::installInto(QQmlEngine *engine)
{
    // Modules are compiled in under qrc:/qt/qml; without this import path a singleton of
    // one module is "not defined" in another (Qt 6.4).
    engine->addImportPath(u"qrc:/qt/qml"_s);
    engine->addImageProvider(u"picto"_s, new PictogramProvider(*m_repository));
    engine->addImageProvider(u"qr"_s, new QrCodeProvider);
    m_translator->setEngine(engine);
    m_translator->apply(m_session->language());
    QmlInstances::session = m_session.get();
    QmlInstances::navigator = m_navigator.get();
    QmlInstances::content = m_content.get();
    QmlInstances::narrator = m_narrator.get();
    QmlInstances::idleTimer = m_idle.get();
    QmlInstances::speechMode = m_speech.get();
}

std::unique_ptr<QObject> KioskServices::watch(QQuickWindow *window) const
{
    auto inputs = std::make_unique<QObject>();
    // Installed last, AccessInput sees the events first: in speech mode a touch explores
    // and never reaches TouchWatcher, which would interrupt what it says.
    new TouchWatcher(window, m_idle.get(), m_narrator.get(), inputs.get());
    new AccessInput(window, m_keys, m_speech.get(), m_navigator.get(), m_narrator.get(), m_idle.get(),
                    m_session.get(), inputs.get());
    return inputs;
}

void KioskServices::endSession()
{
    m_narrator->reset();
    m_session->reset();
    m_navigator->reset(Route(Route::Kind::Attract));
}

} // namespace passerelle
