#include "kiosk.h"

#include "contentcatalog.h"
#include "navigator.h"
#include "pictogramprovider.h"
#include "qmlsingletons.h"
#include "repository.h"
#include "session.h"
#include "uitranslator.h"

#include <QQmlApplicationEngine>
#include <QQuickWindow>

namespace passerelle {

using namespace Qt::StringLiterals;

Result<std::unique_ptr<Kiosk>> Kiosk::open(const Options &options)
{
    Result<std::shared_ptr<Pack>> pack = Pack::openDirectory(options.packDir);
    if (!pack)
        return pack.problem();

    std::unique_ptr<Kiosk> kiosk(new Kiosk);
    kiosk->m_repository = std::make_shared<Repository>(pack.value());
    kiosk->m_engine = std::make_unique<QQmlApplicationEngine>();
    // Modules are compiled in under qrc:/qt/qml; without this import path a singleton of
    // one module is "not defined" in another (Qt 6.4).
    kiosk->m_engine->addImportPath(u"qrc:/qt/qml"_s);
    kiosk->m_engine->addImageProvider(u"picto"_s, new PictogramProvider(*kiosk->m_repository));
    kiosk->m_translator = std::make_unique<UiTranslator>(kiosk->m_engine.get());
    kiosk->m_content = std::make_unique<ContentCatalog>(kiosk->m_repository);
    if (options.today.isValid())
        kiosk->m_content->setToday(options.today);

    QString language = options.language;
    if (language.isEmpty())
        language = kiosk->m_repository->sourceLanguage();
    UiTranslator *translator = kiosk->m_translator.get();
    kiosk->m_session = std::make_unique<Session>(*kiosk->m_repository, language,
                                                 [translator](const QString &code) { translator->apply(code); });
    kiosk->m_navigator = std::make_unique<Navigator>(u"home"_s);
    kiosk->m_navigator->reset(options.startRoute);

    QmlInstances::session = kiosk->m_session.get();
    QmlInstances::navigator = kiosk->m_navigator.get();
    QmlInstances::content = kiosk->m_content.get();
    return kiosk;
}

Kiosk::~Kiosk()
{
    // The engine goes first: QML still refers to the services until it is gone.
    m_engine.reset();
    QmlInstances::session = nullptr;
    QmlInstances::navigator = nullptr;
    QmlInstances::content = nullptr;
}

bool Kiosk::loadUi()
{
    m_engine->load(QUrl(u"qrc:/qt/qml/Passerelle/Ui/Main.qml"_s));
    return window() != nullptr;
}

QQuickWindow *Kiosk::window() const
{
    const auto roots = m_engine->rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}

} // namespace passerelle
