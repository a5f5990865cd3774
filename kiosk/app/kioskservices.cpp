#include "kioskservices.h"

#include "contentcatalog.h"
#include "navigator.h"
#include "pictogramprovider.h"
#include "qmlsingletons.h"
#include "repository.h"
#include "session.h"
#include "uitranslator.h"

#include <QDir>
#include <QQmlEngine>

namespace passerelle {

using namespace Qt::StringLiterals;

Result<std::unique_ptr<KioskServices>> KioskServices::open(const Options &options)
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
    s->m_navigator = std::make_unique<Navigator>(u"home"_s);
    s->m_navigator->reset(options.startRoute);
    return s;
}

KioskServices::~KioskServices()
{
    if (QmlInstances::session == m_session.get()) {
        QmlInstances::session = nullptr;
        QmlInstances::navigator = nullptr;
        QmlInstances::content = nullptr;
    }
}

void KioskServices::installInto(QQmlEngine *engine)
{
    // Modules are compiled in under qrc:/qt/qml; without this import path a singleton of
    // one module is "not defined" in another (Qt 6.4).
    engine->addImportPath(u"qrc:/qt/qml"_s);
    engine->addImageProvider(u"picto"_s, new PictogramProvider(*m_repository));
    m_translator->setEngine(engine);
    m_translator->apply(m_session->language());
    QmlInstances::session = m_session.get();
    QmlInstances::navigator = m_navigator.get();
    QmlInstances::content = m_content.get();
}

} // namespace passerelle
