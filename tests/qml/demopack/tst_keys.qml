import QtQuick
import QtTest
import Passerelle.Kiosk
import Passerelle.Ui

// Issue #17: the whole visit by keys only, as a person who cannot see the screen makes it
// (ACCESSIBILITY.md req. 18, 19, 21): the first key turns speech on; the languages are
// cycled, each saying its name; then the paper, a topic, a page, its second block played
// and paused, help, back and home; at each step the route and what was said.
KioskTest {
    name: "Keys"

    readonly property string speechOn: "speech-is-on-touch-the-screen-to-hear-what-is-th"
    readonly property string help: "arrows-or-2-and-8-move-enter-or-5-choose-play-or"

    // Moves with key until said[0] is item; false when it never comes.
    function moveTo(item: string, key: int): bool {
        for (let i = 0; i < 15 && SpeechMode.said[0] !== item; ++i)
            keyClick(key)
        return SpeechMode.said[0] === item
    }

    function focusRingShown(name: string): bool {
        const ring = findNamed(findNamed(screen, name), "focusRing")
        return ring !== null && ring.visible && ring.border.width >= 3
    }

    function test_journey_data() {
        return [{ tag: "fr", lang: "fr", voiced: true, paper: "refugee" },
                { tag: "ar", lang: "ar", voiced: true, paper: "refugee" },
                { tag: "ti", lang: "ti", voiced: false, paper: "refugee" }]
    }

    function test_journey(data) {
        // The first key: speech on, and the languages (the notice waits for the choice).
        keyClick(Qt.Key_Down)
        compare(SpeechMode.active, true)
        compare(Navigator.route, "language")
        checkSaid(["language_fr"], true)
        verify(focusRingShown("language_fr"))

        // Next and previous go through the languages only, each said in itself.
        verify(moveTo("language_" + data.lang, Qt.Key_Down), "the keys reach " + data.lang)
        heard()
        keyClick(Qt.Key_Up)
        const before = said()[0]
        verify(before.startsWith("language_") && before !== "language_" + data.lang)
        heard()
        keyClick(Qt.Key_Down)
        checkSaid(["language_" + data.lang], data.voiced)

        // Activate chooses: the paper question, after the notice that speech is on.
        keyClick(Qt.Key_Return)
        compare(Session.language, data.lang)
        compare(Navigator.route, "status")
        const papers = said()
        compare(papers.slice(0, 2), [speechOn, "title"])
        verify(papers[2].startsWith("status_"), papers[2])
        compare(papers[3], "paper")
        verify(/^place-1-of-\d+$/.test(papers[4]), papers[4])
        checkSaid(papers, data.voiced)

        verify(moveTo("status_" + data.paper, Qt.Key_Down))
        heard()
        keyClick(Qt.Key_Enter) // the number pad's Enter
        compare(Session.status, data.paper)
        compare(Navigator.route, "home")
        const home = said()
        compare(home[0], "title")
        verify(home[1].startsWith("topic_"))
        compare(home.slice(2), ["topic", "place-1-of-4"])
        checkSaid(home, data.voiced)

        // Next: the second topic. Left and right follow the reading: mirrored in Arabic.
        keyClick(Qt.Key_Down)
        const second = said()[0]
        checkSaid([second, "topic", "place-2-of-4"], data.voiced)
        const forward = Session.rightToLeft ? Qt.Key_Left : Qt.Key_Right
        const backward = Session.rightToLeft ? Qt.Key_Right : Qt.Key_Left
        keyClick(forward)
        compare(SpeechMode.said.slice(1), ["topic", "place-3-of-4"])
        keyClick(backward)
        compare(SpeechMode.said[0], second)
        heard()

        keyClick(Qt.Key_Space)
        const topic = second.substring(6)
        compare(Navigator.route, "topic/" + topic)
        const pages = said()
        compare(pages[0], "title")
        verify(pages[1].startsWith("page_"))
        compare(pages[2], "page")
        checkSaid(pages, data.voiced)

        keyClick(Qt.Key_Return)
        const page = pages[1].substring(5)
        compare(Navigator.route, "page/" + page)
        checkSaid(["title"], data.voiced)

        // The blocks one by one: the second is read as it gets the focus; activate pauses, resumes.
        keyClick(Qt.Key_Down)
        compare(SpeechMode.said, ["block_1"])
        verify(focusRingShown("block_1"))
        if (data.voiced) { // a language without a voice has nothing to read
            compare(Narrator.currentIndex, 1)
            compare(FakeAudio.played, [findNamed(screen, "block_1").spokenFile])
            keyClick(Qt.Key_Return)
            compare(Narrator.paused, true)
            keyClick(Qt.Key_Return)
            compare(Narrator.paused, false)
        }
        heard()

        // Help: where you are, and the keys.
        keyClick(Qt.Key_F1)
        const count = findNamed(screen, "blocks").count
        checkSaid(["title", "part-of-the-page", "place-2-of-" + count, help], data.voiced)

        keyClick(Qt.Key_Escape)
        compare(Navigator.route, "topic/" + topic)
        compare(SpeechMode.said[0], "title")
        heard()
        keyClick(Qt.Key_Home)
        compare(Navigator.route, "home")
        compare(SpeechMode.said[0], "title")
        compare(Session.language, data.lang)
    }

    // The focus ring of the item the keys reach is in view whole, in a scrolling list too
    // (bench.kiosk_keys saw it cut at the list's edges).
    function ringInView(name: string, listName: string): bool {
        const ring = findNamed(findNamed(screen, name), "focusRing")
        const list = findNamed(screen, listName)
        const r = ring.mapToItem(list, 0, 0, ring.width, ring.height)
        return ring.visible && r.y >= 0 && r.y + r.height <= list.height + 0.5
    }

    function test_ringStaysInView() {
        Session.status = "refugee"
        Navigator.reset("home")
        keyClick(Qt.Key_Down) // speech on: the focus on the first topic
        const topic = said()[1]
        tryVerify(() => ringInView(topic, "topicTiles"), 1000, topic)
        Navigator.go("page/emergency-numbers")
        const blocks = findNamed(screen, "blocks")
        for (let i = 1; i < blocks.count; ++i) {
            keyClick(Qt.Key_Down)
            compare(said(), ["block_" + i])
            tryVerify(() => ringInView("block_" + i, "blocks"), 1000, "block_" + i)
        }
    }

    // The same keys on a USB number pad (NumLock on): 2 next, 5 activate, 0 back, "/" home.
    function test_numberPad() {
        keyClick(Qt.Key_2, Qt.KeypadModifier)
        compare(Navigator.route, "language")
        compare(SpeechMode.active, true)
        keyClick(Qt.Key_5, Qt.KeypadModifier)
        compare(Navigator.route, "status")
        keyClick(Qt.Key_2, Qt.KeypadModifier)
        verify(SpeechMode.said[0].startsWith("status_"))
        compare(SpeechMode.said[2], "place-2-of-" + SpeechMode.said[2].split("-of-")[1])
        keyClick(Qt.Key_5, Qt.KeypadModifier)
        compare(Navigator.route, "home")
        keyClick(Qt.Key_5, Qt.KeypadModifier)
        verify(Navigator.route.startsWith("topic/"))
        keyClick(Qt.Key_0, Qt.KeypadModifier)
        compare(Navigator.route, "home")
        keyClick(Qt.Key_5, Qt.KeypadModifier)
        keyClick(Qt.Key_Slash, Qt.KeypadModifier)
        compare(Navigator.route, "home")
        const volume = Narrator.volumeStep
        keyClick(Qt.Key_Plus, Qt.KeypadModifier)
        compare(Narrator.volumeStep, volume + 1)
        keyClick(Qt.Key_Minus, Qt.KeypadModifier)
        keyClick(Qt.Key_Minus, Qt.KeypadModifier)
        compare(Narrator.volumeStep, volume - 1)
    }

    // The navigation bar is reached by the keys too, after the screen's items, and its
    // toggles say their state.
    function test_toggles() {
        Navigator.reset("home")
        keyClick(Qt.Key_Down)
        compare(SpeechMode.active, true)
        verify(moveTo("largeTextToggle", Qt.Key_Tab), "Tab reaches the bigger-text toggle")
        compare(SpeechMode.said, ["largeTextToggle", "button", "off"])
        keyClick(Qt.Key_Return)
        compare(Session.largeText, true)
        compare(SpeechMode.said, ["largeTextToggle", "button", "on"])
        keyClick(Qt.Key_Backtab)
        compare(SpeechMode.said[0], "listenToggle")
        compare(SpeechMode.said.slice(1), ["button", "on"])
        // Activating Listen turns speech off: the keys then do nothing until the next one.
        keyClick(Qt.Key_Return)
        compare(SpeechMode.active, false)
    }

    // Any key gives more time while the idle warning shows, and does nothing else.
    function test_anyKeyGivesMoreTime() {
        Navigator.reset("home")
        keyClick(Qt.Key_Down)
        tryCompare(IdleTimer, "warning", true, 8000)
        keyClick(Qt.Key_Home)
        compare(IdleTimer.warning, false)
        compare(Navigator.route, "home")
    }

    // Speech mode is for this visitor only.
    function test_forgottenWithTheVisitor() {
        keyClick(Qt.Key_Down)
        compare(SpeechMode.active, true)
        Services.endSession()
        compare(SpeechMode.active, false)
        compare(SpeechMode.said, [])
    }

    // The social worker's fields take their keys: digits and arrows type and move there.
    function test_staffFieldsKeepTheirKeys() {
        Navigator.reset("home")
        const panel = findNamed(screen, "staffPanel")
        panel.visible = true
        keyClick(Qt.Key_Down)
        compare(SpeechMode.active, false)
        panel.visible = false
    }
}
