# For packages.config projects, where NuGet does not add the package's analyzers to the project by itself: adds each
# assembly of analyzers/dotnet/<language> (cs for C# projects, vb for Visual Basic ones) as an analyzer reference.
param($installPath, $toolsPath, $package, $project)

if ($project.Object.SupportsPackageDependencyResolution) {
    # PackageReference projects get the analyzers from NuGet itself.
    if ($project.Object.SupportsPackageDependencyResolution()) { return }
}

$analyzers = Join-Path (Split-Path -Path $toolsPath -Parent) "analyzers\dotnet"
if (-not (Test-Path $analyzers)) { return }

$language = if ($project.Type -eq "VB.NET") { "vb" } else { "cs" }
$folder = Join-Path $analyzers $language
if (-not (Test-Path $folder)) { return }

if ($project.Object.AnalyzerReferences) {
    foreach ($assembly in Get-ChildItem -Path (Join-Path $folder "*.dll") -Exclude "*.resources.dll") {
        $project.Object.AnalyzerReferences.Add($assembly.FullName)
    }
}
