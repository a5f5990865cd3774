import QtQuick
import QtTest
import Passerelle.Kiosk
import Passerelle.Ui

// A visitor's session from the attract screen to the idle reset, with audio.
TestCase {
    id: root
    name: "Session"
    when: windowShown
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
        tryVerify(() => (item = findNamed(screen, name)) !== null && item.visible, 2000, "no visible item named " + name)
        waitForRendering(screen)
        mouseClick(item)
    }

    function init() {
        Services.endSession()
        FakeAudio.clear()
        screen = createTemporaryObject(screenComponent, root)
        verify(screen)
        Services.watch(screen)
        compare(Navigator.route, "attract")
    }

    function test_newVisitorChoosesLanguageThenPaper() {
        tryVerify(() => findNamed(screen, "greeting").text.length > 0)
        compare(IdleTimer.running, false) // nobody is there
        tap("attractArea")
        compare(Navigator.route, "language")
        compare(IdleTimer.running, true)
        tap("language_ar")
        tap("languageConfirm")
        compare(Session.language, "ar")
        compare(Navigator.route, "status")
        tap("status_undocumented")
        compare(Navigator.route, "home")
    }

    function test_idleWarningMoreTimeThenReset() {
        tap("attractArea")
        tap("language_en")
        tap("languageConfirm")
        tap("status_undocumented")
        tap("largeTextToggle")
        compare(Session.largeText, true)
        tap("topic_health")

        tryCompare(IdleTimer, "warning", true, 6000)
        verify(findNamed(screen, "idleWarning").visible)
        verify(findNamed(screen, "idleCountdown").text.length > 0)
        tap("moreTime")
        compare(IdleTimer.warning, false)
        compare(Navigator.route, "topic/health") // more time keeps everything

        tryCompare(IdleTimer, "warning", true, 6000)
        tryCompare(Navigator, "route", "attract", 4000)
        // Nothing of the visitor is left.
        compare(Session.language, "fr")
        compare(Session.status, "")
        compare(Session.largeText, false)
        compare(Navigator.canGoBack, false)
    }

    function test_audioControlsAndAnyTouchInterrupts() {
        Navigator.go("page/amu")
        // The test pack has no audio: the page says so instead of showing a silent button.
        tryVerify(() => findNamed(screen, "noAudio") !== null && findNamed(screen, "noAudio").visible)
        compare(findNamed(screen, "audioPlay").visible, false)

        // With audio, the narrator reads block after block, pauses, resumes, stops.
        Narrator.play(["a.ogg", "", "c.ogg"], 0, false)
        compare(FakeAudio.played, ["a.ogg"])
        compare(Narrator.currentIndex, 0)
        compare(IdleTimer.running, false) // no reset while listening
        FakeAudio.finish()
        compare(FakeAudio.played, ["a.ogg", "c.ogg"]) // the block without audio is skipped
        compare(Narrator.currentIndex, 2)
        tap("audioPause")
        compare(Narrator.paused, true)
        compare(IdleTimer.running, true)
        tap("audioPause")
        compare(Narrator.paused, false)
        tap("audioRepeat")
        compare(FakeAudio.played, ["a.ogg", "c.ogg", "c.ogg"])
        compare(Narrator.speaking, true)
        // A touch anywhere else stops speech.
        mouseClick(screen, screen.width / 2, screen.height - 150)
        compare(Narrator.speaking, false)
        compare(FakeAudio.state, "stopped")
    }

    function test_volumeStepsAndResetToDefault() {
        Navigator.go("page/amu")
        const start = Narrator.volumeStep
        Narrator.volumeUp()
        Narrator.volumeUp()
        Narrator.volumeUp()
        compare(Narrator.volumeStep, Narrator.volumeSteps) // capped
        compare(FakeAudio.volume, 1.0)
        Services.endSession()
        compare(Narrator.volumeStep, start)
    }

    // A social worker's typing: the search, a page code and a PIN, as typed on the panel.
    function typeInStaffFields() {
        const panel = findNamed(screen, "staffPanel")
        panel.visible = true
        for (const [name, keys] of [["searchField", "medicale"], ["codeField", "S2"], ["pinField", "12"]]) {
            const field = findNamed(panel, name)
            mouseClick(field)
            for (const k of keys)
                keyClick(k)
            compare(field.text.toLowerCase(), keys.toLowerCase())
        }
        tryVerify(() => findNamed(panel, "searchResults").count > 0)
        return panel
    }

    function verifyStaffFieldsEmpty(panel: Item) {
        for (const name of ["searchField", "codeField", "pinField"])
            compare(findNamed(panel, name).text, "", name + " still holds the last visitor's text")
        compare(findNamed(panel, "searchResults").count, 0)
    }

    function test_staffFieldsForgottenAfterNewVisitor() {
        tap("attractArea")
        tap("languageConfirm")
        const panel = typeInStaffFields()
        tap("newVisitor")
        compare(Navigator.route, "attract")
        verifyStaffFieldsEmpty(panel)
    }

    function test_staffFieldsForgottenAfterIdleReset() {
        tap("attractArea")
        tap("languageConfirm")
        const panel = typeInStaffFields()
        panel.visible = false // the social worker closed the panel and left
        tryCompare(Navigator, "route", "attract", 8000)
        verifyStaffFieldsEmpty(panel)
    }
}
