# Throughput vs duplicate rate
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-throughput-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-throughput-vs-dup-prob.svg'
set title 'Throughput vs duplicate rate'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (%)'
set xrange [0:0.51]
set xtics ('0%%' 0, '10%%' 0.1, '20%%' 0.2, '30%%' 0.3, '40%%' 0.4, '50%%' 0.5)
set ylabel 'throughput (records/s)'
set yrange [0:2000000]
set ytics ('0' 0, '500k' 500000, '1M' 1000000, '1.5M' 1500000, '2M' 2000000)
set label 'bronze_append · duplicate rate 0%: 1.88M [95% CI 1.29M–1.92M]' at 0, 1878008.6308605098 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 5%: 987k [95% CI 976k–1.57M]' at 0.05, 986843.1178053418 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: 1.45M [95% CI 1.43M–1.59M]' at 0.1, 1448001.8673365223 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 15%: 1.44M [95% CI 1.06M–1.44M]' at 0.15, 1438258.1649526549 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 20%: 1.58M [95% CI 1.37M–1.6M]' at 0.2, 1579579.1014683964 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 25%: 1.39M [95% CI 1.22M–1.45M]' at 0.25, 1391253.9829874502 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: 1.32M [95% CI 1.22M–1.55M]' at 0.3, 1317102.6214403112 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 35%: 1.4M [95% CI 950k–1.46M]' at 0.35, 1400634.5447816045 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 40%: 1.41M [95% CI 1.3M–1.52M]' at 0.4, 1406897.9233422682 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 45%: 1.54M [95% CI 1.1M–1.77M]' at 0.45, 1543394.8437381054 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 50%: 1.71M [95% CI 1.62M–1.76M]' at 0.5, 1707159.102525326 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: 885k [95% CI 861k–942k]' at 0, 885261.2292273954 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 5%: 857k [95% CI 741k–860k]' at 0.05, 856746.3997673359 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: 975k [95% CI 907k–1M]' at 0.1, 975227.3986502856 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 15%: 1.02M [95% CI 962k–1.08M]' at 0.15, 1018612.2705883223 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 20%: 986k [95% CI 928k–986k]' at 0.2, 985627.981084534 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 25%: 991k [95% CI 966k–1.09M]' at 0.25, 990671.808661857 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: 981k [95% CI 872k–1.08M]' at 0.3, 980887.4578090883 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 35%: 934k [95% CI 908k–945k]' at 0.35, 934062.5424103878 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 40%: 968k [95% CI 940k–976k]' at 0.4, 967947.3217453804 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 45%: 1.15M [95% CI 1.07M–1.15M]' at 0.45, 1148002.080808273 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 50%: 1.02M [95% CI 973k–1.05M]' at 0.5, 1022492.6979146833 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: 1.37M [95% CI 1.31M–1.48M]' at 0, 1365535.5343217778 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 5%: 1.31M [95% CI 1.2M–1.33M]' at 0.05, 1306611.6562351745 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: 1.32M [95% CI 1.2M–1.4M]' at 0.1, 1321585.9491347196 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 15%: 1.16M [95% CI 1.07M–1.34M]' at 0.15, 1158306.3176460143 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 20%: 1.18M [95% CI 1.12M–1.2M]' at 0.2, 1178085.7854444985 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 25%: 1.24M [95% CI 1.04M–1.27M]' at 0.25, 1237623.8346917622 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: 1.28M [95% CI 1.24M–1.4M]' at 0.3, 1277442.197158697 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 35%: 1.25M [95% CI 1.03M–1.28M]' at 0.35, 1249098.2116205352 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 40%: 1.05M [95% CI 948k–1.31M]' at 0.4, 1045989.0679971763 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 45%: 1.08M [95% CI 914k–1.15M]' at 0.45, 1081117.0797367375 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 50%: 1.15M [95% CI 952k–1.27M]' at 0.5, 1152273.8709489126 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: 1.06M [95% CI 1.03M–1.14M]' at 0, 1061184.4260540628 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 5%: 1.03M [95% CI 949k–1.04M]' at 0.05, 1025785.4266196457 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: 785k [95% CI 702k–832k]' at 0.1, 784705.5117898453 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 15%: 802k [95% CI 743k–818k]' at 0.15, 802125.0694262831 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 20%: 877k [95% CI 812k–892k]' at 0.2, 876664.797973658 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 25%: 896k [95% CI 814k–950k]' at 0.25, 896433.5981053617 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: 860k [95% CI 824k–862k]' at 0.3, 860332.3870146435 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 35%: 825k [95% CI 802k–830k]' at 0.35, 824728.3343892628 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 40%: 827k [95% CI 772k–849k]' at 0.4, 826611.2848015202 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 45%: 917k [95% CI 859k–1M]' at 0.45, 916567.4416782508 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 50%: 999k [95% CI 936k–1.06M]' at 0.5, 998913.5886397116 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'dup-sweep-throughput-vs-dup-prob.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'dup-sweep-throughput-vs-dup-prob.png'
replot
unset output
