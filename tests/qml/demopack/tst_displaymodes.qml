import QtQuick
import QtTest
import Passerelle.Kiosk
import Passerelle.Ui

// Bigger text and high contrast are on the navigation bar of every screen (ACCESSIBILITY.md
// req. 9, issue 17 item 5): found by touch, 20 mm targets, spoken like the other buttons
// in the visitor's language, and they change the theme wherever the visitor is.
TestCase {
    id: root
    name: "DisplayModes"
    when: windowShown
    visible: true
    width: 1024
    height: 768

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

    function visibleNamed(name: string): Item {
        let item = null
        tryVerify(() => (item = findNamed(screen, name)) !== null && item.visible, 2000, "no visible item named " + name)
        waitForRendering(screen)
        return item
    }

    function lastPlayed(): string {
        return FakeAudio.played.length > 0 ? FakeAudio.played[FakeAudio.played.length - 1] : ""
    }

    function init() {
        Services.endSession()
        FakeAudio.clear()
        screen = createTemporaryObject(screenComponent, root)
        verify(screen)
        Services.watch(screen)
        // The demo pack's speech is synthetic: the first clip of a session comes after the
        // machine-voice notice (tst_speech tests it); have it said first.
        Narrator.say([Content.labelAudio("home", "fr")])
        compare(Narrator.machineVoiceAnnounced, true)
        FakeAudio.finish()
        FakeAudio.finish()
        FakeAudio.clear()
    }

    function test_everyScreenHasTheToggles_data() {
        return [
            { tag: "home uk", route: "home", language: "uk", voice: true },
            { tag: "status ar", route: "status", language: "ar", voice: true },
            { tag: "topic ti", route: "topic/health", language: "ti", voice: false },
            { tag: "page fr", route: "page/amu-steps", language: "fr", voice: true },
            { tag: "emergency so", route: "emergency", language: "so", voice: false },
            { tag: "language en", route: "language", language: "en", voice: true },
        ]
    }

    function test_everyScreenHasTheToggles(data) {
        Session.language = data.language
        Navigator.go(data.route)
        tryCompare(Navigator, "route", data.route)
        const minimum = Theme.mm(20) - 0.5

        const large = visibleNamed("largeTextToggle")
        verify(large.width >= minimum && large.height >= minimum, "bigger text is " + large.width + "x" + large.height)
        compare(large.Accessible.name, qsTranslate("NavigationBar", "Bigger text"))
        mouseClick(large)
        compare(Session.largeText, true)
        compare(Theme.large, true)
        compare(large.checked, true)
        // Spoken like the other buttons: its label, in the visitor's language, from the pack.
        // (Tigrinya and Somali have no voice and no recording: nothing is heard, nothing fails.)
        const heardLarge = Content.labelAudio("bigger-text", data.language)
        compare(heardLarge.length > 0, data.voice)
        compare(lastPlayed(), heardLarge)
        compare(Navigator.route, data.route) // the visitor stays where they are

        const contrast = visibleNamed("contrastToggle")
        verify(contrast.width >= minimum && contrast.height >= minimum, "contrast is " + contrast.width + "x" + contrast.height)
        compare(contrast.Accessible.name, qsTranslate("NavigationBar", "Contrast"))
        mouseClick(contrast)
        compare(Session.highContrast, true)
        compare(Theme.contrast, true)
        compare(lastPlayed(), Content.labelAudio("contrast", data.language))

        // And off again, from the same place.
        mouseClick(visibleNamed("largeTextToggle"))
        mouseClick(visibleNamed("contrastToggle"))
        compare(Session.largeText, false)
        compare(Session.highContrast, false)
        compare(Navigator.route, data.route)
    }
}
