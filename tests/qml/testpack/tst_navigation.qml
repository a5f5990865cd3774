import QtQuick
import QtTest
import Passerelle.Kiosk
import Passerelle.Ui

// A visitor's walk through the kiosk, by touch: home -> topic -> page -> back -> home,
// switching language, choosing a paper.
TestCase {
    id: root
    name: "Navigation"
    when: windowShown
    // A TestCase is not visible by default, and an invisible item gets no touch.
    visible: true
    width: 1920
    height: 1080

    Component {
        id: screenComponent
        KioskScreen { width: root.width; height: root.height }
    }

    property Item screen

    function findNamed(item: Item, name: string): Item {
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findNamed(item.children[i], name)
            if (found)
                return found
        }
        return null
    }

    function tap(name: string) {
        let item = null
        tryVerify(() => (item = findNamed(screen, name)) !== null, 2000, "no item named " + name)
        waitForRendering(screen)
        mouseClick(item)
    }

    function xOf(name: string): real {
        return findNamed(screen, name).mapToItem(screen, 0, 0).x
    }

    function init() {
        Session.reset()
        Navigator.reset("home")
        screen = createTemporaryObject(screenComponent, root)
        verify(screen)
        Services.watch(screen)
    }

    function test_homeTopicPageBackHome() {
        tap("topic_health")
        compare(Navigator.route, "topic/health")
        tap("page_amu")
        compare(Navigator.route, "page/amu")
        tap("backButton")
        compare(Navigator.route, "topic/health")
        tap("backButton")
        compare(Navigator.route, "home")
        tap("topic_work")
        tap("page_four-months")
        tap("homeButton")
        compare(Navigator.route, "home")
        compare(Navigator.canGoBack, false)
    }

    function test_emergencyIsOneTouchAway() {
        tap("topic_health")
        tap("emergencyButton")
        compare(Navigator.route, "emergency")
    }

    function test_languageSwitchTranslatesAndMirrors() {
        compare(findNamed(screen, "homeButton").text, "Accueil")
        verify(xOf("homeButton") < xOf("languageButton"))
        verify(!screen.LayoutMirroring.enabled)

        Session.status = "undocumented"
        tap("languageButton")
        compare(Navigator.route, "language")
        tap("language_ar")
        compare(Session.language, "fr") // touching a language only selects it
        tap("languageConfirm")
        compare(Session.language, "ar")
        compare(Navigator.route, "home")
        verify(screen.LayoutMirroring.enabled)
        tryVerify(() => xOf("homeButton") > xOf("languageButton"))
        compare(findNamed(screen, "homeButton").text, "الرئيسية")

        tap("languageButton")
        tap("language_en")
        tap("languageConfirm")
        compare(findNamed(screen, "homeButton").text, "Home")
        tryVerify(() => xOf("homeButton") < xOf("languageButton"))
    }

    function test_socialWorkerPanel() {
        Session.language = "en"
        // A long press on the bar, away from its buttons, opens the panel.
        const bar = findNamed(screen, "staffGesture")
        mousePress(bar, bar.width / 2 - 400, bar.height / 2)
        tryVerify(() => findNamed(screen, "staffPanel").visible, 5000)
        mouseRelease(bar, bar.width / 2 - 400, bar.height / 2)

        // Jump by code.
        const code = findNamed(screen, "codeField")
        code.text = "s2"
        tap("codeGo")
        compare(Navigator.route, "page/amu")
        verify(!findNamed(screen, "staffPanel").visible)

        // Side by side with French.
        mousePress(bar, bar.width / 2 - 400, bar.height / 2)
        tryVerify(() => findNamed(screen, "staffPanel").visible, 5000)
        mouseRelease(bar, bar.width / 2 - 400, bar.height / 2)
        tap("workerModeToggle")
        compare(Session.workerMode, true)
        // Search, then open a result.
        findNamed(screen, "searchField").text = "medicale"
        tap("result_amu")
        tryVerify(() => findNamed(screen, "frenchBlock") !== null && findNamed(screen, "frenchBlock").visible)
    }

    function test_choosingAPaperFiltersPages() {
        tap("statusButton")
        compare(Navigator.route, "status")
        tap("status_asylum_seeker")
        compare(Session.status, "asylum_seeker")
        compare(Navigator.route, "home")
        tap("topic_health")
        tryVerify(() => findNamed(screen, "page_emergency-numbers") !== null)
        compare(findNamed(screen, "page_amu"), null)

        tap("homeButton")
        tap("statusButton")
        tap("status_undocumented")
        tap("topic_health")
        tryVerify(() => findNamed(screen, "page_amu") !== null)
    }

    function test_serviceRouteShowsTheServiceCard() {
        verify(Navigator.openService("cpas-test"))
        compare(Navigator.screen, "service")
        compare(Navigator.id, "cpas-test")
        let card = null
        tryVerify(() => (card = findNamed(screen, "serviceCard")) !== null && card.visible && card.height > 0)
        compare(card.serviceName.length > 0, true)
        verify(findNamed(card, "serviceQr").visible)
        // A service the pack lacks is refused: the screen stays.
        ignoreWarning("refused the route service/nope - the pack has no service nope")
        verify(!Navigator.go("service/nope"))
        compare(Navigator.route, "service/cpas-test")
    }
}
