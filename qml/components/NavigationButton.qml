import QtQuick
import Passerelle.Ui

// A button of the navigation bar: as tall as the bar allows, as wide as its label.
PictogramButton {
    height: Theme.barHeight - Theme.mm(3)
    padding: Theme.mm(2)
    pictogramSize: Theme.mm(12)
}
